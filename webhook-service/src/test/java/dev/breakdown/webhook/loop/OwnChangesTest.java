package dev.breakdown.webhook.loop;

import static dev.breakdown.webhook.support.WebhookClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.intake.DeliveryMetrics;
import dev.breakdown.webhook.signature.SignatureVerifier;
import dev.breakdown.webhook.support.LiveServiceTest;
import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loop prevention at intake: what Breakdown's own accounts did, and comments carrying its marker, are answered
 * 202 "ignored", counted as own_change, and never reach the issues topic; the same change by a person is stored.
 */
@WebhookServiceTest
class OwnChangesTest extends LiveServiceTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void ownAssignedWebhookIsNotStoredAndIsCounted() {
        double before = count("github", "issues", "assigned", "own_change");

        ResponseEntity<String> answer = github("issues", assigned(WebhookServiceTest.GITHUB_BOT, 9301));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json(answer).path("status").asString()).isEqualTo("ignored");
        assertThat(json(answer).path("reason").asString())
                .isEqualTo("made by Breakdown's own account breakdown-app[bot] (loop prevention)");
        assertThat(issues.recordsWithin(Duration.ofMillis(1200))).isEmpty();
        assertThat(count("github", "issues", "assigned", "own_change")).isEqualTo(before + 1);
    }

    @Test
    void personsAssignedWebhookIsStored() {
        ResponseEntity<String> answer = github("issues", assigned("octocat", 9302));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord("github:acme/web#9302").value(), IssueEvent.class);
        assertThat(stored.action()).isEqualTo("assigned");
    }

    @Test
    void commentCarryingOurMarkerIsNotStoredWhoeverSentIt() {
        ObjectNode payload = assigned("octocat", 9303);
        payload.put("action", "created");
        payload.putObject("comment").put("body", "Nudge for team:triage: please look\n<!-- breakdown:action=0b7e2c1a -->");

        ResponseEntity<String> answer = github("issue_comment", payload);

        assertThat(json(answer).path("reason").asString()).contains("Breakdown's marker");
        assertThat(issues.recordsWithin(Duration.ofMillis(1200))).isEmpty();
    }

    @Test
    void ownJiraChangeIsNotStored() {
        ObjectNode payload = Samples.webhookJson("jira-issue-updated-overdue.json");
        ((ObjectNode) payload.path("user")).put("accountId", WebhookServiceTest.JIRA_BOT);
        byte[] body = Samples.bytes(payload);

        ResponseEntity<String> answer = client.post("/jira/webhook", MediaType.APPLICATION_JSON, body, headers -> {
            headers.set("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString());
            headers.set("X-Hub-Signature", SignatureVerifier.sign(WebhookServiceTest.JIRA_SECRET, body));
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json(answer).path("reason").asString()).contains("own Jira account");
        assertThat(issues.recordsWithin(Duration.ofMillis(1200))).isEmpty();
    }

    private ResponseEntity<String> github(String event, ObjectNode payload) {
        return client.github(event, UUID.randomUUID().toString(), Samples.bytes(payload), WebhookServiceTest.GITHUB_SECRET);
    }

    /** The frontend sample as GitHub sends it after {@code sender} assigned alice. */
    private static ObjectNode assigned(String sender, int number) {
        ObjectNode payload = Samples.webhookJson("github-issue-opened-frontend.json");
        payload.put("action", "assigned");
        ((ObjectNode) payload.path("issue")).put("number", number);
        ((ObjectNode) payload.path("issue")).putObject("assignee").put("login", "alice-gh");
        ((ObjectNode) payload.path("repository")).put("full_name", "acme/web");
        payload.putObject("sender").put("login", sender).put("type", sender.endsWith("[bot]") ? "Bot" : "User");
        return payload;
    }

    private double count(String source, String event, String action, String result) {
        Counter counter = meters.find(DeliveryMetrics.NAME)
                .tags("source", source, "event", event, "action", action, "result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
