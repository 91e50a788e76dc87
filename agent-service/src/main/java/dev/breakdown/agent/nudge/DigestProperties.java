package dev.breakdown.agent.nudge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how often held nudge digests are sent ({@code breakdown.agent.digest.*}).
 *
 * @param calendarApiBase CALENDAR_API_BASE: calendar-service's API, which delivers the digest as a nudge
 * @param interval        AGENT_DIGEST_INTERVAL: how often ended windows are looked for; 0 turns the timer off
 */
@Validated
@ConfigurationProperties("breakdown.agent.digest")
public record DigestProperties(
        @NotBlank(message = "must be set: CALENDAR_API_BASE, e.g. http://localhost:7300/api")
        @Pattern(regexp = "https?://[^\\s/?#@]+(/[^\\s]*)?",
                message = "must be an absolute http(s) URL: check CALENDAR_API_BASE, e.g. http://localhost:7300/api")
        String calendarApiBase,
        @NotNull(message = "must be set: AGENT_DIGEST_INTERVAL, e.g. 30s") Duration interval) {
}
