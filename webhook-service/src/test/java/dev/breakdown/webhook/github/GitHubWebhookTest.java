package dev.breakdown.webhook.github;

import static dev.breakdown.webhook.support.WebhookClient.bytes;
import static dev.breakdown.webhook.support.WebhookClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.intake.DeliveryMetrics;
import dev.breakdown.webhook.signature.SignatureVerifier;
import dev.breakdown.webhook.support.LiveServiceTest;
import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookClient;
import dev.breakdown.webhook.support.WebhookServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

@WebhookServiceTest
class GitHubWebhookTest extends LiveServiceTest {
    private static final String SECRET = WebhookServiceTest.GITHUB_SECRET;
    private static final String P0_SAMPLE = "github-issue-opened-p0-bug.json";

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @CsvSource({
            "github-issue-opened-p0-bug.json, p0-bug.json",
            "github-issue-opened-frontend.json, frontend-issue.json",
            "github-issue-opened-docs.json, docs-issue.json"})
    void signedSampleIsStoredAsItsNormalizedEvent(String webhook, String event) {
        IssueEvent expected = Samples.event(event);
        String deliveryId = UUID.randomUUID().toString();
        Instant sent = Instant.now();

        ResponseEntity<String> answer = client.github("issues", deliveryId, Samples.webhook(webhook), SECRET);
        Instant answered = Instant.now();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json(answer).path("event_id").asString()).isEqualTo(deliveryId);
        assertThat(json(answer).path("key").asString()).isEqualTo(expected.topicKey());
        ConsumerRecord<String, String> record = issues.awaitRecord(expected.topicKey());
        IssueEvent stored = Json.mapper().readValue(record.value(), IssueEvent.class);
        assertThat(stored.eventId()).isEqualTo(deliveryId);
        assertThat(stored.receivedAt()).as("stamped when the delivery arrived").isBetween(sent, answered);
        assertThat(stored.toBuilder().eventId(null).receivedAt(null).build())
                .isEqualTo(expected.toBuilder().eventId(null).build());
        assertThat(record.headers().toArray()).as("no Java type headers: other languages read this topic").isEmpty();
        assertThat(Json.mapper().readTree(record.value()).path("created_at").asString())
                .isEqualTo(expected.createdAt().toString());
    }

    @Test
    void topicIsCreatedWithTheConfiguredPartitions() {
        assertThat(issues.partitionCount()).isEqualTo(3);
    }

    @Test
    void deliverySignedWithTheSecondSecretIsAcceptedDuringRotation() {
        ObjectNode payload = issuePayload("opened", 9101);

        ResponseEntity<String> answer = client.github("issues", "rotation-1", Samples.bytes(payload),
                WebhookServiceTest.GITHUB_NEW_SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(issues.awaitRecord("github:acme/checkout#9101").value()).contains("\"event_id\":\"rotation-1\"");
    }

    @Test
    void wrongSignatureIsRefusedAndNothingIsStored() {
        byte[] body = Samples.bytes(issuePayload("opened", 9102));

        ResponseEntity<String> answer = client.github("issues", "wrong-signature", body, "not-the-secret");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(answer).path("error").asString()).isEqualTo("invalid_signature");
        assertThat(answer.getBody()).doesNotContain(SECRET).doesNotContain(WebhookServiceTest.GITHUB_NEW_SECRET);
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void signatureOverOtherBytesIsRefused() {
        byte[] signed = Samples.bytes(issuePayload("opened", 9103));
        byte[] sent = Samples.bytes(issuePayload("opened", 9104));

        ResponseEntity<String> answer = client.post("/github", MediaType.APPLICATION_JSON, sent, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-GitHub-Delivery", "tampered");
            h.set("X-Hub-Signature-256", SignatureVerifier.sign(SECRET, signed));
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(issues.recordsWithin(Duration.ofMillis(1000))).isEmpty();
    }

    @Test
    void missingSignatureIsRefusedAndNothingIsStored() {
        ResponseEntity<String> answer = client.github("issues", "unsigned", Samples.webhook(P0_SAMPLE), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(answer).path("error").asString()).isEqualTo("missing_signature");
        assertThat(json(answer).path("message").asString()).contains("X-Hub-Signature-256");
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void formEncodedDeliveryIsVerifiedOverTheEncodedBodyAndAccepted() {
        // A body over Tomcat's default 2 MB form limit, as GitHub may send for a long issue.
        ObjectNode payload = issuePayload("opened", 9105);
        ((ObjectNode) payload.get("issue")).put("body", "Long report & details = " + "x".repeat(3_000_000));
        byte[] form = bytes("payload=" + URLEncoder.encode(Json.mapper().writeValueAsString(payload),
                StandardCharsets.UTF_8));

        ResponseEntity<String> answer = client.post("/github/issues", MediaType.APPLICATION_FORM_URLENCODED, form,
                h -> {
                    h.set("X-GitHub-Event", "issues");
                    h.set("X-GitHub-Delivery", "form-1");
                    h.set("X-Hub-Signature-256", SignatureVerifier.sign(SECRET, form));
                });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord("github:acme/checkout#9105").value(),
                IssueEvent.class);
        assertThat(stored.eventId()).isEqualTo("form-1");
        assertThat(stored.bodyPreview()).hasSize(280).startsWith("Long report & details = xxx");
    }

    @Test
    void pingAnswersPongAndStoresNothing() {
        byte[] body = bytes("{\"zen\":\"Keep it logically awesome.\",\"hook_id\":4242,\"hook\":{\"type\":\"Repository\"}}");

        ResponseEntity<String> answer = client.github("ping", "ping-1", body, SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(answer).path("status").asString()).isEqualTo("pong");
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void eventBreakdownDoesNotUseIsIgnoredAndNothingIsStored() {
        byte[] body = bytes("{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"acme/checkout\"}}");

        ResponseEntity<String> answer = client.github("push", "push-1", body, SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json(answer).path("status").asString()).isEqualTo("ignored");
        assertThat(json(answer).path("reason").asString()).contains("push");
        assertThat(issues.recordsWithin(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void issuesPayloadOfAnUnexpectedShapeIsIgnoredNotFailed() {
        ResponseEntity<String> answer = client.github("issues", "odd-1", bytes("{\"action\":\"opened\",\"issue\":[]}"),
                SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json(answer).path("status").asString()).isEqualTo("ignored");
        assertThat(issues.recordsWithin(Duration.ofMillis(1000))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"labeled, 9201", "closed, 9202", "reopened, 9203", "some_action_github_adds_next_year, 9204"})
    void everyIssuesActionIsStoredAsIssueAction(String action, int number) {
        ObjectNode payload = issuePayload(action, number);
        if (action.equals("closed")) {
            ((ObjectNode) payload.get("issue")).put("state", "closed");
        }

        ResponseEntity<String> answer = client.github("issues", "action-" + action, Samples.bytes(payload), SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord("github:acme/checkout#" + number).value(),
                IssueEvent.class);
        assertThat(stored.type()).isEqualTo("issue_" + action);
        assertThat(stored.action()).isEqualTo(action);
        assertThat(stored.status()).isEqualTo(action.equals("closed") ? "Closed" : "Open");
    }

    @Test
    void issueCommentIsStoredAsAnUpdateOfItsIssue() {
        ObjectNode payload = issuePayload("created", 9301);
        payload.putObject("comment").put("body", "Still happening on mobile").putObject("user").put("login", "mona");

        ResponseEntity<String> answer = client.github("issue_comment", "comment-1", Samples.bytes(payload), SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord("github:acme/checkout#9301").value(),
                IssueEvent.class);
        assertThat(stored.type()).isEqualTo("issue_updated");
        assertThat(stored.action()).isEqualTo("comment_created");
        assertThat(stored.author()).as("the issue's author, not the commenter").isEqualTo("octocat");
    }

    @Test
    void malformedJsonIsRefusedWithTheErrorPosition() {
        ResponseEntity<String> answer = client.github("issues", "broken-1", bytes("{\n  \"action\": \"opened\",\n  oops\n}"),
                SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(answer).path("error").asString()).isEqualTo("malformed_json");
        assertThat(json(answer).path("message").asString()).contains("line 3, column");
    }

    @Test
    void deliveryWithoutEventHeaderIsRefused() {
        byte[] body = Samples.webhook(P0_SAMPLE);
        ResponseEntity<String> answer = client.post("/github", MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Delivery", "no-event");
            h.set("X-Hub-Signature-256", SignatureVerifier.sign(SECRET, body));
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(answer).path("message").asString()).contains("X-GitHub-Event");
    }

    @Test
    void deliveryWithoutDeliveryIdIsRefused() {
        byte[] body = Samples.webhook(P0_SAMPLE);
        ResponseEntity<String> answer = client.post("/github", MediaType.APPLICATION_JSON, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-Hub-Signature-256", SignatureVerifier.sign(SECRET, body));
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(answer).path("message").asString()).contains("X-GitHub-Delivery");
    }

    @Test
    void otherContentTypesAreRefusedWith415() {
        byte[] body = Samples.webhook(P0_SAMPLE);
        ResponseEntity<String> answer = client.post("/github", MediaType.TEXT_PLAIN, body, h -> {
            h.set("X-GitHub-Event", "issues");
            h.set("X-GitHub-Delivery", "text-1");
            h.set("X-Hub-Signature-256", SignatureVerifier.sign(SECRET, body));
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json(answer).path("error").asString()).isEqualTo("unsupported_media_type");
        assertThat(json(answer).path("message").asString()).contains("application/json");
    }

    @Test
    void getIsRefusedWith405() {
        ResponseEntity<String> answer = client.get("/github/issues");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.ALLOW)).contains("POST");
        assertThat(json(answer).path("error").asString()).isEqualTo("method_not_allowed");
    }

    @Test
    void unknownPathAnswers404WithJson() {
        ResponseEntity<String> answer = client.post("/gitlab", MediaType.APPLICATION_JSON, bytes("{}"), h -> { });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(json(answer).path("error").asString()).isEqualTo("not_found");
        assertThat(json(answer).path("message").asString()).contains("/github");
    }

    @Test
    void serviceIsReadyWhenTheBrokerAnswers() {
        ResponseEntity<String> readiness = client.get("/actuator/health/readiness");

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(readiness).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void deliveriesAreCountedByOutcome() {
        double acceptedBefore = count("issues", "opened", "accepted");
        double rejectedBefore = count("unverified", "none", "rejected_invalid_signature");

        client.github("issues", "metrics-1", Samples.bytes(issuePayload("opened", 9401)), SECRET);
        client.github("issues", "metrics-2", Samples.bytes(issuePayload("opened", 9402)), "wrong");

        assertThat(count("issues", "opened", "accepted")).isEqualTo(acceptedBefore + 1);
        assertThat(count("unverified", "none", "rejected_invalid_signature")).isEqualTo(rejectedBefore + 1);
    }

    private double count(String event, String action, String result) {
        Counter counter = meters.find(DeliveryMetrics.NAME)
                .tags("source", "github", "event", event, "action", action, "result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The P0 sample as another issue of acme/checkout, so its records do not mix with other tests'. */
    private static ObjectNode issuePayload(String action, int number) {
        ObjectNode payload = Samples.webhookJson(P0_SAMPLE);
        payload.put("action", action);
        ((ObjectNode) payload.get("issue")).put("number", number);
        return payload;
    }
}
