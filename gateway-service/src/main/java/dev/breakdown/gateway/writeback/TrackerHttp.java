package dev.breakdown.gateway.writeback;

import dev.breakdown.contracts.Json;
import dev.breakdown.gateway.action.ActionFailedException;
import dev.breakdown.gateway.action.TransientActionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Sends requests to one tracker (GitHub or Jira) through {@link RateLimits}. Failures that may pass (unreachable,
 * 5xx, rate limits) become {@link TransientActionException}s and the event is retried; the others (401, 404, 422, ...)
 * become an {@link ActionFailedException} whose message names the request and the tracker's reason, never a
 * credential. Every request is counted as {@value #REQUESTS} by tracker, method and result: ok, rejected (4xx),
 * server_error, rate_limited, held (not sent: the tracker asked us to wait), unreachable, or dry_run (described only).
 */
public final class TrackerHttp {

    public static final String REQUESTS = "breakdown.writeback.requests";
    private static final int MAX_REASON = 160;

    private final String tracker;
    private final RestClient client;
    private final RateLimits limits;
    private final MeterRegistry registry;

    public TrackerHttp(String tracker, RestClient client, RateLimits limits, MeterRegistry registry) {
        this.tracker = tracker;
        this.client = client;
        this.limits = limits;
        this.registry = registry;
    }

    public String tracker() {
        return tracker;
    }

    /** Sends the request with this Authorization header value; answers a 2xx, throws on anything else. */
    public TrackerResponse send(TrackerRequest request, String authorization) {
        try {
            limits.checkOpen(request);
        } catch (RateLimitedException held) {
            count(request.method(), "held");
            throw held;
        }
        Answer answer;
        try {
            RestClient.RequestBodySpec spec = client.method(request.method()).uri(request.uri())
                    .headers(headers -> {
                        if (authorization != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    });
            if (request.body() != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(request.body());
            }
            answer = spec.exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            count(request.method(), "unreachable");
            throw new TransientActionException(tracker + " unreachable for " + request.method() + " "
                    + request.uri().getPath() + ": " + NestedExceptionUtils.getMostSpecificCause(e).getMessage(), e);
        }
        limits.observe(answer.headers());
        if (answer.status() >= 200 && answer.status() < 300) {
            count(request.method(), "ok");
            return new TrackerResponse(answer.status(), answer.headers(), json(answer.body()));
        }
        limits.limited(answer.status(), answer.headers(), answer.body(), request).ifPresent(limited -> {
            count(request.method(), "rate_limited");
            throw limited;
        });
        String message = tracker + " answered " + answer.status() + " to " + request.method() + " "
                + request.uri().getPath() + reason(answer.body());
        if (answer.status() >= 500) {
            count(request.method(), "server_error");
            throw new TransientActionException(message, null);
        }
        count(request.method(), "rejected");
        throw new ActionFailedException(message, null);
    }

    /** Dry-run: the outcome detail describing the requests, which are counted but not sent. */
    public String wouldSend(List<TrackerRequest> requests) {
        requests.forEach(request -> count(request.method(), "dry_run"));
        return IssueTracker.wouldSend(tracker, requests);
    }

    private void count(HttpMethod method, String result) {
        Counter.builder(REQUESTS).description("Requests to GitHub or Jira by write-back, by result")
                .tag("tracker", tracker).tag("method", method.name()).tag("result", result)
                .register(registry).increment();
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }

    // GitHub: {"message": ...}; Jira: {"errorMessages": [...], "errors": {field: message}}.
    private static String reason(String body) {
        JsonNode json = json(body);
        List<String> parts = new ArrayList<>();
        if (json.hasNonNull("message")) {
            parts.add(json.get("message").asString());
        }
        json.path("errorMessages").forEach(m -> parts.add(m.asString()));
        json.path("errors").properties().forEach(e -> parts.add(e.getKey() + ": " + e.getValue().asString()));
        String reason = parts.isEmpty() ? (body == null ? "" : body.strip()) : String.join("; ", parts);
        if (reason.isEmpty()) {
            return "";
        }
        return ": " + (reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...");
    }

    private record Answer(int status, HttpHeaders headers, String body) {
    }
}
