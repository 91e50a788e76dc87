package dev.breakdown.webhook.jira;

import static dev.breakdown.webhook.support.WebhookClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.signature.SignatureVerifier;
import dev.breakdown.webhook.support.LiveServiceTest;
import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookClient;
import dev.breakdown.webhook.support.WebhookServiceTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

@WebhookServiceTest
class JiraWebhookTest extends LiveServiceTest {
    private static final String SAMPLE = "jira-issue-updated-overdue.json";
    private static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";


    @Test
    void signedSampleIsStoredAsTheOverdueEvent() {
        String identifier = UUID.randomUUID().toString();
        byte[] body = Samples.webhook(SAMPLE);

        ResponseEntity<String> answer = signed(body, identifier, SignatureVerifier.sign(WebhookServiceTest.JIRA_SECRET,
                body));

        assertStoredAsSample(answer, identifier);
    }

    @Test
    void pathTokenDeliveryIsStoredAsTheOverdueEvent() {
        String identifier = UUID.randomUUID().toString();

        ResponseEntity<String> answer = client.post("/jira/issues/" + WebhookServiceTest.JIRA_TOKEN,
                MediaType.APPLICATION_JSON, Samples.webhook(SAMPLE), h -> h.set(IDENTIFIER, identifier));

        assertStoredAsSample(answer, identifier);
    }

    @Test
    void deliveryWithoutIdentifierGetsTheSameDerivedIdEachTime() {
        byte[] body = Samples.bytes(issue("jira:issue_updated", "MAPPED-5"));
        String path = "/jira/issues/" + WebhookServiceTest.JIRA_TOKEN;

        ResponseEntity<String> first = client.post(path, MediaType.APPLICATION_JSON, body, h -> { });
        ResponseEntity<String> again = client.post(path, MediaType.APPLICATION_JSON, body, h -> { });

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String eventId = json(first).path("event_id").asString();
        assertThat(UUID.fromString(eventId)).isNotNull();
        assertThat(json(again).path("event_id").asString()).isEqualTo(eventId);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord("jira:MAPPED-5").value(), IssueEvent.class);
        assertThat(stored.eventId()).isEqualTo(eventId);
        assertThat(stored.projectId()).as("mapped by Jira project key").isEqualTo("mapped-jira-project");
    }

    @ParameterizedTest
    @CsvSource({
            "jira:issue_created, PROJ-901, issue_created",
            "jira:issue_deleted, PROJ-902, issue_deleted",
            "comment_created, PROJ-903, issue_updated"})
    void jiraEventsBecomeIssueEvents(String webhookEvent, String key, String type) {
        ObjectNode payload = issue(webhookEvent, key);
        payload.remove("issue_event_type_name");

        ResponseEntity<String> answer = signed(Samples.bytes(payload), "id-" + key, null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord("jira:" + key).value(), IssueEvent.class);
        assertThat(stored.type()).isEqualTo(type);
        assertThat(stored.action()).isEqualTo(webhookEvent);
    }

    @Test
    void otherJiraEventsAreIgnoredAndNothingIsStored() {
        ObjectNode payload = issue("worklog_updated", "PROJ-904");

        ResponseEntity<String> answer = signed(Samples.bytes(payload), "worklog-1", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json(answer).path("status").asString()).isEqualTo("ignored");
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void wrongSignatureIsRefusedAndNothingIsStored() {
        byte[] body = Samples.webhook(SAMPLE);

        ResponseEntity<String> answer = signed(body, "bad-sig", SignatureVerifier.sign("guess", body));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(answer).path("error").asString()).isEqualTo("invalid_signature");
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void missingSignatureIsRefusedAndNothingIsStored() {
        ResponseEntity<String> answer = client.post("/jira/webhook", MediaType.APPLICATION_JSON,
                Samples.webhook(SAMPLE), h -> { });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(answer).path("error").asString()).isEqualTo("missing_signature");
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void wrongPathTokenIsRefusedWithoutEchoingItAndNothingIsStored() {
        ResponseEntity<String> answer = client.post("/jira/issues/guessed-token-123", MediaType.APPLICATION_JSON,
                Samples.webhook(SAMPLE), h -> { });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(answer).path("error").asString()).isEqualTo("invalid_token");
        assertThat(answer.getBody()).doesNotContain("guessed-token-123").doesNotContain(WebhookServiceTest.JIRA_TOKEN);
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    private void assertStoredAsSample(ResponseEntity<String> answer, String identifier) {
        IssueEvent expected = Samples.event("overdue-jira.json");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json(answer).path("event_id").asString()).isEqualTo(identifier);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord(expected.topicKey()).value(), IssueEvent.class);
        assertThat(stored.eventId()).isEqualTo(identifier);
        assertThat(stored.receivedAt()).as("stamped when the delivery arrived").isNotNull();
        assertThat(stored.toBuilder().eventId(null).receivedAt(null).build())
                .isEqualTo(expected.toBuilder().eventId(null).build());
    }

    /** Signed with the configured Jira secret unless a signature is given. */
    private ResponseEntity<String> signed(byte[] body, String identifier, String signature) {
        String header = signature != null ? signature : SignatureVerifier.sign(WebhookServiceTest.JIRA_SECRET, body);
        return client.post("/jira/webhook", MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-Hub-Signature", header);
            h.set(IDENTIFIER, identifier);
        });
    }

    private static ObjectNode issue(String webhookEvent, String key) {
        ObjectNode payload = Samples.webhookJson(SAMPLE);
        payload.put("webhookEvent", webhookEvent);
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("key", key);
        ((ObjectNode) issue.get("fields")).remove("project");
        return payload;
    }
}
