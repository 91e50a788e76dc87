package dev.breakdown.webhook.support;

import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.signature.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Sends deliveries the way GitHub and Jira do, against the running service. */
public final class WebhookClient {
    private final RestClient http;

    public WebhookClient(int port) {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** A GitHub delivery signed with {@code secret} (no signature header when null). */
    public ResponseEntity<String> github(String event, String deliveryId, byte[] body, String secret) {
        return post("/github/issues", MediaType.APPLICATION_JSON, body, headers -> {
            headers.set("X-GitHub-Event", event);
            headers.set("X-GitHub-Delivery", deliveryId);
            headers.set("X-GitHub-Hook-ID", "4242");
            if (secret != null) {
                headers.set("X-Hub-Signature-256", SignatureVerifier.sign(secret, body));
            }
        });
    }

    public ResponseEntity<String> post(String path, MediaType contentType, byte[] body,
            Consumer<HttpHeaders> headers) {
        return http.post().uri(path).contentType(contentType).headers(headers).body(body).retrieve()
                .toEntity(String.class);
    }

    public ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    public static JsonNode json(ResponseEntity<String> response) {
        return Json.mapper().readTree(response.getBody());
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
