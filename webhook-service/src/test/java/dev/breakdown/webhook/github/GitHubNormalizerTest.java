package dev.breakdown.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.WebhookProperties;
import dev.breakdown.webhook.intake.Normalized;
import dev.breakdown.webhook.intake.ProjectResolver;
import dev.breakdown.webhook.support.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.node.ObjectNode;

class GitHubNormalizerTest {
    private final GitHubNormalizer normalizer = new GitHubNormalizer(new ProjectResolver(new WebhookProperties(
            List.of("s"), List.of(), null, false, "alpha", Map.of("acme", "acme-project"), Duration.ofSeconds(5),
            DataSize.ofMegabytes(25), "64MB")));

    @Test
    void labeledIssueCarriesAssigneeMilestoneDueDateAndAuthorNotSender() {
        ObjectNode payload = sample("labeled");
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.putObject("assignee").put("login", "alice");
        issue.putObject("milestone").put("title", "v2").put("due_on", "2025-10-31T07:00:00Z");
        ((ObjectNode) payload.get("sender")).put("login", "labeler-bot");

        IssueEvent event = issue(payload);

        assertThat(event.type()).isEqualTo("issue_labeled");
        assertThat(event.action()).isEqualTo("labeled");
        assertThat(event.assignee()).isEqualTo("alice");
        assertThat(event.dueAt()).isEqualTo("2025-10-31T07:00:00Z");
        assertThat(event.author()).isEqualTo("octocat");
        assertThat(event.projectId()).as("mapped by owner").isEqualTo("acme-project");
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2025-10-17T19:22:11Z"));
    }

    @Test
    void closedIssueIsClosed() {
        ObjectNode payload = sample("closed");
        ((ObjectNode) payload.get("issue")).put("state", "closed");

        IssueEvent event = issue(payload);

        assertThat(event.type()).isEqualTo("issue_closed");
        assertThat(event.status()).isEqualTo("Closed");
        assertThat(event.state()).isEqualTo("closed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "bug,p0 | P0",
            "P2,p1 | P1",
            "priority: p3 | P3",
            "priority: high | High",
            "Priority/Critical | Critical",
            "priority-low | Low",
            "high priority | High",
            "Urgent Priority,bug | Urgent",
            "p5,bug,prioritize | none"})
    void priorityComesFromLabels(String labels, String priority) {
        assertThat(LabelPriority.of(List.of(labels.split(",")))).isEqualTo(priority);
    }

    @Test
    void bodyPreviewIsTheFirst280CharactersOfProse() {
        ObjectNode payload = sample("opened");
        ((ObjectNode) payload.get("issue")).put("body", "First line.\r\n\r\n```\nstack\n```\n" + "y".repeat(400));

        String preview = issue(payload).bodyPreview();

        assertThat(preview).hasSize(280).startsWith("First line. yyy");
    }

    @Test
    void commentOnAPullRequestIsIgnored() {
        ObjectNode payload = sample("created");
        ((ObjectNode) payload.get("issue")).putObject("pull_request").put("url", "https://api.github.com/pulls/1");

        Normalized result = normalizer.normalize("issue_comment", "d-1", payload);

        assertThat(result).isInstanceOf(Normalized.Ignored.class);
        assertThat(result.action()).isEqualTo("comment_created");
    }

    @Test
    void payloadWithoutRepositoryIsIgnored() {
        ObjectNode payload = sample("opened");
        payload.remove("repository");

        assertThat(normalizer.normalize("issues", "d-1", payload)).isInstanceOf(Normalized.Ignored.class);
    }

    @Test
    void payloadThatIsNotAnObjectIsIgnored() {
        assertThat(normalizer.normalize("issues", "d-1", Json.mapper().readTree("[1,2]")))
                .isInstanceOf(Normalized.Ignored.class);
    }

    @Test
    void fieldsOfUnexpectedTypesReadAsAbsent() {
        ObjectNode payload = sample("edited");
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("title", 42).put("created_at", "yesterday").put("assignee", "not-an-object");
        issue.putArray("labels").add("bare-string").addObject().put("name", "p1");

        IssueEvent event = issue(payload);

        assertThat(event.title()).isNull();
        assertThat(event.createdAt()).isNull();
        assertThat(event.assignee()).isNull();
        assertThat(event.labels()).containsExactly("p1");
        assertThat(event.priority()).isEqualTo("P1");
    }

    private IssueEvent issue(ObjectNode payload) {
        Normalized result = normalizer.normalize("issues", "delivery-1", payload);
        assertThat(result).isInstanceOf(Normalized.Issue.class);
        return ((Normalized.Issue) result).event();
    }

    private static ObjectNode sample(String action) {
        ObjectNode payload = Samples.webhookJson("github-issue-opened-p0-bug.json");
        payload.put("action", action);
        return payload;
    }
}
