package dev.breakdown.chatweb.telemetry;

import dev.breakdown.chatweb.user.ChatUsers;
import dev.breakdown.contracts.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/telemetry}: the page's ChatKit events into {@code chatkit_telemetry}. It answers ok only once
 * the broker acknowledged the record, so a 200 is never lost; the page ignores failures, so the chat never breaks.
 */
@RestController
class TelemetryController {
    private static final Logger log = LoggerFactory.getLogger(TelemetryController.class);
    private static final String RETRY_AFTER_BROKER_SECONDS = "5";

    private final TelemetryPublisher publisher;
    private final TelemetryProperties properties;
    private final TelemetryRateLimiter limiter;
    private final ChatUsers users;

    TelemetryController(TelemetryPublisher publisher, TelemetryProperties properties, TelemetryRateLimiter limiter,
            ChatUsers users) {
        this.publisher = publisher;
        this.properties = properties;
        this.limiter = limiter;
        this.users = users;
    }

    @PostMapping("/api/telemetry")
    ResponseEntity<Map<String, Object>> record(HttpServletRequest request, HttpServletResponse response)
            throws IOException, InterruptedException {
        if (!publisher.enabled()) {
            return ResponseEntity.ok(Map.of("status", "disabled"));
        }
        int max = properties.maxBodyBytes();
        if (request.getContentLengthLong() > max) {
            return tooLarge(max);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            return tooLarge(max);
        }
        JsonNode event;
        try {
            event = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "Invalid JSON");
        }
        if (event == null || !event.isObject() || !event.path("type").isString() || event.path("type").asString().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "Missing event type");
        }
        String user = users.userId(request, response);
        OptionalLong wait = limiter.admit(user);
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
                    .body(Map.of("error", "Too many telemetry events: at most " + properties.perUserPerMinute()
                            + " a minute per user; retry in " + wait.getAsLong() + " s"));
        }
        Map<String, Object> fields = Json.mapper().convertValue(event, new TypeReference<Map<String, Object>>() { });
        try {
            publisher.publish(user, fields).get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return ResponseEntity.ok(Map.of("status", "ok"));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            log.warn("Telemetry event not acknowledged by Kafka: {}", cause.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_BROKER_SECONDS)
                    .body(Map.of("error", "Telemetry not stored: the Kafka broker did not acknowledge within "
                            + properties.ackTimeout().toSeconds() + " s; retry later"));
        }
    }

    private static ResponseEntity<Map<String, Object>> tooLarge(int max) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "Telemetry event too large: at most " + max + " bytes");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
