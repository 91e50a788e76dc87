package dev.breakdown.webhook.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
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

class JiraNormalizerTest {
    private final JiraNormalizer normalizer = new JiraNormalizer(new ProjectResolver(new WebhookProperties(
            List.of(), List.of("s"), null, false, "alpha", Map.of("proj", "platform"), Duration.ofSeconds(5),
            DataSize.ofMegabytes(25), "64MB")));

    @Test
    void sampleBecomesTheOverdueEventWithBrowseUrlAndUtcTimes() {
        IssueEvent event = issue(Samples.webhookJson("jira-issue-updated-overdue.json"), "id-1");

        assertThat(event.eventId()).isEqualTo("id-1");
        assertThat(event.url()).isEqualTo("https://acme.atlassian.net/browse/PROJ-789");
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2025-09-01T09:15:00Z"));
        assertThat(event.projectId()).as("mapped by project key, ignoring case").isEqualTo("platform");
        assertThat(event.state()).isEqualTo("open");
        assertThat(event.action()).isEqualTo("issue_generic");
    }

    @Test
    void doneStatusCategoryIsClosed() {
        ObjectNode payload = Samples.webhookJson("jira-issue-updated-overdue.json");
        ObjectNode status = (ObjectNode) payload.get("issue").get("fields").get("status");
        status.put("name", "Done");
        ((ObjectNode) status.get("statusCategory")).put("key", "done");

        IssueEvent event = issue(payload, "id-2");

        assertThat(event.status()).isEqualTo("Done");
        assertThat(event.state()).isEqualTo("closed");
    }

    @Test
    void documentFormatDescriptionHasNoPreviewAndMissingPeopleAreNull() {
        ObjectNode payload = Samples.webhookJson("jira-issue-updated-overdue.json");
        ObjectNode fields = (ObjectNode) payload.get("issue").get("fields");
        fields.putObject("description").put("type", "doc").put("version", 1);
        fields.putNull("assignee");
        fields.remove("reporter");
        fields.remove("creator");

        IssueEvent event = issue(payload, "id-3");

        assertThat(event.bodyPreview()).isNull();
        assertThat(event.assignee()).isNull();
        assertThat(event.author()).as("falls back to the user who triggered the event").isEqualTo("Carol Chen");
    }

    @Test
    void withoutIdentifierTheIdIsDerivedFromEventKeyAndTimestamp() {
        ObjectNode payload = Samples.webhookJson("jira-issue-updated-overdue.json");

        String first = issue(payload, null).eventId();
        String again = issue(payload, " ").eventId();
        payload.put("timestamp", 1760776200001L);
        String later = issue(payload, null).eventId();

        assertThat(first).isEqualTo(again).hasSize(36).isNotEqualTo(later);
    }

    @Test
    void payloadWithoutIssueKeyIsIgnored() {
        ObjectNode payload = Samples.webhookJson("jira-issue-updated-overdue.json");
        ((ObjectNode) payload.get("issue")).remove("key");

        assertThat(normalizer.normalize("id", payload)).isInstanceOf(Normalized.Ignored.class);
    }

    @ParameterizedTest
    @CsvSource({
            "https://acme.atlassian.net/rest/api/2/issue/10789, https://acme.atlassian.net/browse/PROJ-1",
            "https://jira.example.com:8443/jira/rest/api/2/issue/1, https://jira.example.com:8443/jira/browse/PROJ-1",
            "https://jira.example.com/other, https://jira.example.com/browse/PROJ-1"})
    void browseUrlKeepsHostPortAndContextPath(String self, String browse) {
        assertThat(JiraNormalizer.browseUrl(self, "PROJ-1")).isEqualTo(browse);
    }

    @ParameterizedTest
    @CsvSource({
            "2025-09-01T11:15:00.000+0200, 2025-09-01T09:15:00Z",
            "2025-09-01T11:15:00+02:00, 2025-09-01T09:15:00Z",
            "2025-09-01T09:15:00.000Z, 2025-09-01T09:15:00Z",
            "2025-09-01T04:15:00.123-0500, 2025-09-01T09:15:00.123Z"})
    void jiraTimesAreReadAsInstants(String text, String instant) {
        assertThat(JiraTimes.parse(text)).isEqualTo(Instant.parse(instant));
    }

    @Test
    void unreadableTimesAreNull() {
        assertThat(JiraTimes.parse("01/09/2025")).isNull();
        assertThat(JiraTimes.parse(null)).isNull();
    }

    private IssueEvent issue(ObjectNode payload, String identifier) {
        Normalized result = normalizer.normalize(identifier, payload);
        assertThat(result).isInstanceOf(Normalized.Issue.class);
        return ((Normalized.Issue) result).event();
    }
}
