package dev.breakdown.gateway.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakdown.gateway.github.GitHubProperties;
import dev.breakdown.gateway.github.GitHubTracker;
import dev.breakdown.gateway.jira.JiraProperties;
import dev.breakdown.gateway.jira.JiraTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The write-back settings as application.yml maps them from the environment, and the start refusing wrong ones. */
class WritebackSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({WritebackProperties.class, GitHubProperties.class, JiraProperties.class})
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsAreDryRunForEveryProjectAgainstGitHubCom() {
        runner.run(context -> {
            WritebackProperties writeback = context.getBean(WritebackProperties.class);
            assertThat(writeback.mode()).isEqualTo("dry-run");
            assertThat(writeback.isLiveFor("alpha")).isFalse();
            assertThat(writeback.escalationLabel()).isEqualTo("escalated");
            assertThat(context.getBean(GitHubProperties.class).apiUrl()).isEqualTo("https://api.github.com");
            assertThat(context.getBean(GitHubProperties.class).configured()).isFalse();
            assertThat(context.getBean(JiraProperties.class).configured()).isFalse();
        });
    }

    @Test
    void liveProjectsLimitLiveMode() {
        runner.withPropertyValues("WRITEBACK_MODE=Live", "WRITEBACK_LIVE_PROJECTS=alpha, web").run(context -> {
            WritebackProperties writeback = context.getBean(WritebackProperties.class);
            assertThat(writeback.isLiveFor("alpha")).isTrue();
            assertThat(writeback.isLiveFor("web")).isTrue();
            assertThat(writeback.isLiveFor("beta")).isFalse();
        });
    }

    @Test
    void unknownModeStopsTheStartNamingTheVariable() {
        runner.withPropertyValues("WRITEBACK_MODE=sometimes").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("WRITEBACK_MODE must be dry-run"));
    }

    @Test
    void appIdWithoutItsKeyStopsTheStartNamingBoth() {
        runner.withPropertyValues("GITHUB_APP_ID=12345").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY go together"));
    }

    @Test
    void keyFileThatIsMissingStopsTheStart(@TempDir Path dir) {
        runner.withPropertyValues("GITHUB_APP_ID=12345", "GITHUB_APP_PRIVATE_KEY=" + dir.resolve("missing.pem"))
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("GITHUB_APP_PRIVATE_KEY must be the path of a readable .pem file"));
    }

    @Test
    void tokenAndAppTogetherStopTheStart(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("key.pem"), "x");
        runner.withPropertyValues("GITHUB_TOKEN=ghp_x", "GITHUB_APP_ID=12345", "GITHUB_APP_PRIVATE_KEY=" + pem)
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("set GITHUB_TOKEN or GITHUB_APP_ID + GITHUB_APP_PRIVATE_KEY, not both"));
    }

    @Test
    void apiUrlThatIsNotAUrlStopsTheStartNamingIt() {
        runner.withPropertyValues("GITHUB_API_URL=api.github.com").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("GITHUB_API_URL"));
    }

    @Test
    void jiraHalfConfiguredStopsTheStartNamingTheVariables() {
        runner.withPropertyValues("JIRA_BASE_URL=https://acme.atlassian.net", "JIRA_EMAIL=bot@acme.example")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN together"));
    }

    @Test
    void tokensStayOutOfToString() {
        assertThat(new GitHubProperties("https://api.github.com", "ghp_secret", null, null).toString()).doesNotContain("ghp_secret");
        assertThat(new JiraProperties("https://a.atlassian.net", "e@x", "jira-secret").toString()).doesNotContain("jira-secret");
    }

    @Test
    void liveModeWithoutAnyTrackerStopsTheStartSayingWhatToSet() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TrackerHttp http = new TrackerHttp("test", RestClient.create(), new RateLimits("test", registry, Clock.systemUTC()),
                registry);
        List<IssueTracker> unconfigured = List.of(new GitHubTracker(http, null, URI.create("https://api.github.com")),
                new JiraTracker(http, new JiraProperties(null, null, null)));
        WritebackProperties live = new WritebackProperties("live", List.of(), "escalated", null);

        assertThatThrownBy(() -> new WritebackStatus(live, unconfigured))
                .hasMessage("WRITEBACK_MODE=live, but no tracker is configured: for github, set GITHUB_TOKEN, or "
                        + "GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY; for jira, set JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN "
                        + "(or set WRITEBACK_MODE=dry-run)");
    }
}
