package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST {CALENDAR_API_BASE}/nudges}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NudgeRequest(
        @JsonProperty("to") String to,
        @JsonProperty("message") String message,
        @JsonProperty("priority") String priority) {
}
