package dev.breakdown.webhook.intake;

import static dev.breakdown.webhook.support.WebhookClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.signature.SignatureVerifier;
import dev.breakdown.webhook.support.LiveServiceTest;
import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookClient;
import dev.breakdown.webhook.support.WebhookServiceTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.ObjectNode;

/** Signed but hostile deliveries the fuzz test found or aims at, pinned down one by one. */
@WebhookServiceTest
class HostileDeliveriesTest extends LiveServiceTest {
    private static final String SECRET = WebhookServiceTest.GITHUB_SECRET;


    @Test
    void eventTooLargeForTheBrokerIsRefusedWith413NotAnOutage() {
        ObjectNode payload = issuePayload(9501);
        ((ObjectNode) payload.get("issue")).put("title", "t".repeat(2_000_000));

        ResponseEntity<String> answer = client.github("issues", "huge-title", Samples.bytes(payload), SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(json(answer).path("error").asString()).isEqualTo("event_too_large");
        assertThat(answer.getHeaders().containsHeader("Retry-After")).isFalse();
        assertThat(issues.recordsWithin(Duration.ofMillis(1000))).isEmpty();
    }

    @Test
    void loneSurrogateInATitleIsStoredReadably() {
        String body = new String(Samples.bytes(issuePayload(9502)), StandardCharsets.UTF_8)
                .replace("\"title\":\"", "\"title\":\"\\ud800 broken ");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> answer = client.github("issues", "surrogate", bytes, SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        IssueEvent stored = Json.mapper().readValue(issues.awaitRecord("github:acme/checkout#9502").value(),
                IssueEvent.class);
        assertThat(stored.title()).contains("broken");
    }

    @Test
    void twoDeliveryIdsAreRefusedAsAmbiguous() {
        byte[] body = Samples.bytes(issuePayload(9503));

        ResponseEntity<String> answer = client.post("/github", MediaType.APPLICATION_JSON, body, h -> {
            h.add("X-GitHub-Event", "issues");
            h.add("X-GitHub-Delivery", "first");
            h.add("X-GitHub-Delivery", "second");
            h.add("X-Hub-Signature-256", SignatureVerifier.sign(SECRET, body));
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(answer).path("error").asString()).isEqualTo("duplicate_header");
        assertThat(json(answer).path("message").asString()).contains("X-GitHub-Delivery");
        assertThat(issues.recordsWithin(Duration.ofMillis(1000))).isEmpty();
    }

    @Test
    void twoJiraIdentifiersAreRefusedAsAmbiguous() {
        byte[] body = Samples.webhook("jira-issue-updated-overdue.json");

        ResponseEntity<String> answer = client.post("/jira/webhook", MediaType.APPLICATION_JSON, body, h -> {
            h.add("X-Atlassian-Webhook-Identifier", "a");
            h.add("X-Atlassian-Webhook-Identifier", "b");
            h.add("X-Hub-Signature", SignatureVerifier.sign(WebhookServiceTest.JIRA_SECRET, body));
        });

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(answer).path("error").asString()).isEqualTo("duplicate_header");
    }

    @Test
    void headersOverTheServersLimitAreRefusedWithJson() throws Exception {
        String answer = raw("POST /github HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Padding: " + "p".repeat(20_000) + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("Content-Type: application/json");
        assertThat(answer).contains("\"error\":\"bad_request\"");
    }

    @Test
    void garbageRequestLineIsRefusedWithJson() throws Exception {
        String answer = raw("POST /git\u0001hub HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("\"error\":\"bad_request\"");
    }

    @Test
    void wildcardContentTypeIsRefusedWith415EvenOnAnUnknownPath() throws Exception {
        String answer = raw("POST /github/%2e%2e/jira/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: */*\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(answer).startsWith("HTTP/1.1 415");
        assertThat(answer).contains("\"error\":\"unsupported_media_type\"");
    }

    @Test
    void putWithABrokenFormBodyIsRefusedWith405() throws Exception {
        String answer = raw("PUT /github HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\nConnection: close\r\n"
                + "\r\npayload=%C3%");

        assertThat(answer).startsWith("HTTP/1.1 405");
        assertThat(answer).contains("\"error\":\"method_not_allowed\"");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static ObjectNode issuePayload(int number) {
        ObjectNode payload = Samples.webhookJson("github-issue-opened-p0-bug.json");
        ((ObjectNode) payload.get("issue")).put("number", number);
        return payload;
    }
}
