package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Body of {@code POST {CALENDAR_API_BASE}/meetings}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeetingRequest(
        @JsonProperty("title") String title,
        @JsonProperty("participants") List<String> participants,
        @JsonProperty("start_at") Instant startAt,
        @JsonProperty("duration_min") Integer durationMin) {
}
