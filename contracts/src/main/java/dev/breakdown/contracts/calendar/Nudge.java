package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A nudge (notification) as calendar-service returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Nudge(
        @JsonProperty("id") String id,
        @JsonProperty("to") String to,
        @JsonProperty("message") String message,
        @JsonProperty("priority") String priority,
        @JsonProperty("status") String status,
        @JsonProperty("created_at") Instant createdAt) {
}
