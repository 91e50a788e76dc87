package dev.breakdown.webhook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.webhook.WebhookProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ProjectResolverTest {
    private final ProjectResolver resolver = new ProjectResolver(new WebhookProperties(List.of("s"), List.of(), null,
            false, "alpha", Map.of("acme/web", "web-team", "acme", "acme-all", "proj", "platform"),
            Duration.ofSeconds(5), DataSize.ofMegabytes(25), "64MB"));

    @Test
    void repositoryMappingWinsOverOwnerMappingWhichWinsOverTheDefault() {
        assertThat(resolver.forGitHubRepo("acme/web")).isEqualTo("web-team");
        assertThat(resolver.forGitHubRepo("Acme/Checkout")).isEqualTo("acme-all");
        assertThat(resolver.forGitHubRepo("octo/cat")).isEqualTo("alpha");
    }

    @Test
    void jiraProjectKeysMatchIgnoringCase() {
        assertThat(resolver.forJiraProject("PROJ")).isEqualTo("platform");
        assertThat(resolver.forJiraProject("OPS")).isEqualTo("alpha");
        assertThat(resolver.forJiraProject(null)).isEqualTo("alpha");
    }
}
