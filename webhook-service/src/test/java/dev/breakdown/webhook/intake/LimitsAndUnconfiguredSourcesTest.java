package dev.breakdown.webhook.intake;

import static dev.breakdown.webhook.support.WebhookClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A service with only GitHub configured and a 1 KB body limit; none of these requests reaches the broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "breakdown.webhook.github-secrets=github-only-secret",
        "breakdown.webhook.max-body-size=1KB",
        "spring.kafka.bootstrap-servers=localhost:9",
        "spring.kafka.admin.auto-create=false"})
class LimitsAndUnconfiguredSourcesTest {

    @LocalServerPort
    int port;

    @Test
    void bodyOverTheLimitIsRefusedWith413() {
        ResponseEntity<String> answer = new WebhookClient(port).github("issues", "big-1",
                Samples.webhook("github-issue-opened-p0-bug.json"), "github-only-secret");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(json(answer).path("error").asString()).isEqualTo("payload_too_large");
        assertThat(json(answer).path("message").asString()).contains("1024 bytes");
    }

    @Test
    void jiraWithoutSecretIsRefusedSayingWhatToConfigure() {
        ResponseEntity<String> answer = new WebhookClient(port).post("/jira/webhook", MediaType.APPLICATION_JSON,
                WebhookClient.bytes("{}"), h -> h.set("X-Hub-Signature", "sha256=00"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(answer).path("error").asString()).isEqualTo("not_configured");
        assertThat(json(answer).path("message").asString()).contains("JIRA_WEBHOOK_SECRET");
    }

    @Test
    void jiraPathTokenWithoutConfiguredTokenIsRefused() {
        ResponseEntity<String> answer = new WebhookClient(port).post("/jira/issues/anything",
                MediaType.APPLICATION_JSON, WebhookClient.bytes("{}"), h -> { });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json(answer).path("message").asString()).contains("JIRA_PATH_TOKEN");
    }
}
