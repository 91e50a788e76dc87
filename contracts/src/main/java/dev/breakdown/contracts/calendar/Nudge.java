package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A nudge (notification) as calendar-service returns it.
 *
 * @param status   {@code stored} (no channel configured), {@code pending} (delivery under way or retrying),
 *                 {@code sent}, or {@code failed} (see {@code reason})
 * @param channel  where it goes, e.g. {@code slack:owner:alice}, {@code slack:team:triage}, {@code slack:default};
 *                 null when stored
 * @param reason   why the last attempt failed or why it is stored; null once sent
 * @param attempts delivery attempts so far
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Nudge(
        @JsonProperty("id") String id,
        @JsonProperty("to") String to,
        @JsonProperty("message") String message,
        @JsonProperty("priority") String priority,
        @JsonProperty("link") String link,
        @JsonProperty("status") String status,
        @JsonProperty("channel") String channel,
        @JsonProperty("reason") String reason,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("sent_at") Instant sentAt) {
}
