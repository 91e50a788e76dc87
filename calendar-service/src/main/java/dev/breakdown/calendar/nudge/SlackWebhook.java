package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.CalendarProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts {@code {"text": ...}} to a Slack-compatible incoming webhook and says what the answer means: delivered, worth
 * another try (5xx, 429, network; with the server's Retry-After if it gave one), or refused for good (other 4xx).
 */
@Component
public class SlackWebhook {

    /** The outcome of one attempt. */
    public sealed interface Result permits Delivered, Retry, Refused {
    }

    public record Delivered() implements Result {
    }

    /** @param retryAfter what the server asked for (Retry-After), if anything */
    public record Retry(String reason, Optional<Duration> retryAfter) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    private static final int MAX_REASON = 200;

    private final RestClient http;
    private final Clock clock;

    public SlackWebhook(RestClient.Builder builder, CalendarProperties properties, Clock clock) {
        Duration timeout = properties.nudges().timeout();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.http = builder.clone().requestFactory(factory).build();
        this.clock = clock;
    }

    public Result post(URI webhook, String text) {
        try {
            http.post().uri(webhook)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("text", text))
                    .retrieve()
                    .toBodilessEntity();
            return new Delivered();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            String reason = "Slack answered " + status + describe(e.getResponseBodyAsString());
            if (status == 429 || e.getStatusCode().is5xxServerError()) {
                return new Retry(reason, retryAfter(e.getResponseHeaders()));
            }
            return new Refused(reason);
        } catch (ResourceAccessException e) {
            return new Retry("Slack unreachable: " + NestedExceptionUtils.getMostSpecificCause(e).getMessage(),
                    Optional.empty());
        }
    }

    /** Retry-After is either seconds or an HTTP date (RFC 9110 10.2.3). */
    private Optional<Duration> retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }

    private static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) + "..." : oneLine);
    }
}
