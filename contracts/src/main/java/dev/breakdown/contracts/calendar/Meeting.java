package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A meeting as calendar-service returns it, with its iCalendar text in {@code ics}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Meeting(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("participants") List<String> participants,
        @JsonProperty("start_at") Instant startAt,
        @JsonProperty("duration_min") int durationMin,
        @JsonProperty("status") String status,
        @JsonProperty("ics") String ics,
        @JsonProperty("created_at") Instant createdAt) {
}
