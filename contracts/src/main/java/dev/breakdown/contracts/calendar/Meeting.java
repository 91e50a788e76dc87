package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A meeting as calendar-service returns it.
 *
 * @param participants as requested ({@code owner:alice}, {@code team:triage}, ...)
 * @param attendees    the people they stand for (teams expanded to members), by directory id
 * @param status       {@code scheduled} or {@code cancelled}
 * @param ics          absolute URL of the meeting's iCalendar file
 * @param sequence     iCalendar SEQUENCE: 0, incremented by every reschedule and by the cancellation
 * @param issue        link of the issue the meeting is about, if the request gave one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Meeting(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("participants") List<String> participants,
        @JsonProperty("attendees") List<String> attendees,
        @JsonProperty("start_at") Instant startAt,
        @JsonProperty("duration_min") int durationMin,
        @JsonProperty("status") String status,
        @JsonProperty("sequence") int sequence,
        @JsonProperty("issue") String issue,
        @JsonProperty("scheduling") Scheduling scheduling,
        @JsonProperty("ics") String ics,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {
}
