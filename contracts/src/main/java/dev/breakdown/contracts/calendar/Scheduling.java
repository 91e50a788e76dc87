package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** How a meeting's slot was chosen: the start the request asked for (null: none) and why the meeting is where it is. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scheduling(
        @JsonProperty("requested_start") Instant requestedStart,
        @JsonProperty("reason") String reason) {
}
