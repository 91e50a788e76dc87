package dev.breakdown.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST {CALENDAR_API_BASE}/meetings}. Without {@code start_at} (or when it collides) calendar-service
 * picks the first slot in everyone's working hours. {@code issue} (optional) is the link of the issue the meeting is
 * about: the calendar entry links to it and {@code GET /meetings?issue=} finds it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingRequest(
        @JsonProperty("title") @NotBlank @Size(max = 500) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE)
        String title,
        @JsonProperty("participants") @NotEmpty @Size(max = 100)
        List<@NotBlank @Size(max = 320) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String> participants,
        @JsonProperty("start_at") Instant startAt,
        @JsonProperty("duration_min") @Min(1) @Max(480) Integer durationMin,
        @JsonProperty("issue") @Size(max = 2000) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE)
        String issue) {
}
