package dev.breakdown.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IssueEventTest {

    @Test
    void githubIssueKeyNamesRepoAndNumber() {
        IssueEvent e = IssueEvent.builder().source("github").repo("acme/web").issueNumber(456).build();
        assertThat(e.topicKey()).isEqualTo("github:acme/web#456");
    }

    @Test
    void jiraIssueKeyNamesTheJiraKey() {
        IssueEvent e = IssueEvent.builder().source("jira").issueKey("PROJ-789").build();
        assertThat(e.topicKey()).isEqualTo("jira:PROJ-789");
    }

    @Test
    void issueKeyRefusesAnEventThatCannotBeKeyed() {
        assertThatThrownBy(() -> IssueEvent.builder().source("github").repo("acme/web").build().topicKey())
                .hasMessageContaining("issue_number");
        assertThatThrownBy(() -> IssueKeys.of("gitlab", "a/b", 1, null)).hasMessageContaining("gitlab");
    }

    @Test
    void dueDateAcceptsADateOrADateTime() {
        assertThat(IssueEvent.builder().dueAt("2025-10-10").build().dueDate()).contains(LocalDate.of(2025, 10, 10));
        assertThat(IssueEvent.builder().dueAt("2025-10-10T23:30:00-05:00").build().dueDate())
                .contains(LocalDate.of(2025, 10, 10));
        assertThat(IssueEvent.builder().dueAt("next week").build().dueDate()).isEmpty();
        assertThat(IssueEvent.builder().build().dueDate()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingLabelsAreEmpty() {
        IssueEvent e = Json.mapper().readValue(
                "{\"event_id\":\"x\",\"source\":\"github\",\"some_future_field\":{\"a\":1}}", IssueEvent.class);
        assertThat(e.eventId()).isEqualTo("x");
        assertThat(e.labels()).isEmpty();
    }

    @Test
    void anEventWithoutReceivedAtParsesAndIsWrittenWithoutIt() {
        IssueEvent e = Json.mapper().readValue("{\"event_id\":\"x\",\"source\":\"jira\",\"issue_key\":\"OPS-1\"}",
                IssueEvent.class);
        assertThat(e.receivedAt()).isNull();
        assertThat(Json.mapper().valueToTree(e).has("received_at")).as("no received_at: null for old readers").isFalse();
    }

    @Test
    void receivedAtRoundTripsAsAnIsoInstant() {
        IssueEvent e = Json.mapper().readValue(
                "{\"event_id\":\"x\",\"source\":\"github\",\"received_at\":\"2026-11-29T23:59:58.123456Z\"}",
                IssueEvent.class);
        assertThat(e.receivedAt()).isEqualTo(Instant.parse("2026-11-29T23:59:58.123456Z"));

        JsonNode written = Json.mapper().valueToTree(e);
        assertThat(written.get("received_at").asString()).isEqualTo("2026-11-29T23:59:58.123456Z");
        assertThat(Json.mapper().treeToValue(written, IssueEvent.class)).isEqualTo(e);
        assertThat(e.toBuilder().build().receivedAt()).isEqualTo(e.receivedAt());
    }

    @Test
    void nullLabelsAreDroppedNotFatal() {
        IssueEvent e = Json.mapper().readValue("{\"event_id\":\"x\",\"labels\":[\"bug\",null]}", IssueEvent.class);
        assertThat(e.labels()).containsExactly("bug");
    }

    @Test
    void telemetryKeepsTheBrowsersFieldsBesideTypeTsAndUserId() {
        TelemetryEvent t = new TelemetryEvent("chat.message", 1700000000000L, "u-1",
                Map.of("thread_id", "t-9", "tokens", 42));
        JsonNode json = Json.mapper().valueToTree(t);
        assertThat(json.get("type").asString()).isEqualTo("chat.message");
        assertThat(json.get("ts").asLong()).isEqualTo(1700000000000L);
        assertThat(json.get("userId").asString()).isEqualTo("u-1");
        assertThat(json.get("thread_id").asString()).isEqualTo("t-9");

        TelemetryEvent back = Json.mapper().treeToValue(json, TelemetryEvent.class);
        assertThat(back.attributes()).containsEntry("thread_id", "t-9").containsEntry("tokens", 42);
        assertThat(back.type()).isEqualTo("chat.message");
    }

    @Test
    void actionEventUsesTheContractsSnakeCaseNames() {
        ActionEvent a = new ActionEvent("a1", "alpha", ActionEvent.ESCALATE_OWNER, "team:platform", "P0 bug",
                "https://github.com/acme/checkout/issues/123", "d1", "p0-bug-escalation", null);
        JsonNode json = Json.mapper().valueToTree(a);
        assertThat(List.of(json.propertyNames().toArray())).contains("event_id", "project_id", "source_ref",
                "source_event_id", "created_at");
    }
}
