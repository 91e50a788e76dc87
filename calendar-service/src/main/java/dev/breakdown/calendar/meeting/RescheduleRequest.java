package dev.breakdown.calendar.meeting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;

/** Body of {@code POST /api/meetings/{id}/reschedule}: a new start (none: the first free slot) and length. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RescheduleRequest(
        @JsonProperty("start_at") Instant startAt,
        @JsonProperty("duration_min") @Min(1) @Max(480) Integer durationMin) {
}
