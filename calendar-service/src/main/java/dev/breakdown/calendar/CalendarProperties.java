package dev.breakdown.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of calendar-service ({@code breakdown.calendar.*}).
 *
 * @param defaultDurationMin length of a meeting whose request has no {@code duration_min}
 * @param uidDomain          right-hand side of every iCalendar UID ({@code <meeting id>@<uidDomain>})
 */
@Validated
@ConfigurationProperties("breakdown.calendar")
public record CalendarProperties(
        @Min(1) @Max(480) int defaultDurationMin,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a host name") String uidDomain) {
}
