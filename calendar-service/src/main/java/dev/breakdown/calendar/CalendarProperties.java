package dev.breakdown.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of calendar-service ({@code breakdown.calendar.*}); URLs are bound as text and checked here so that a
 * wrong value stops the service with a message naming its environment variable.
 *
 * @param defaultDurationMin length of a meeting whose request has no {@code duration_min}
 * @param uidDomain          right-hand side of every iCalendar UID ({@code <meeting id>@<uidDomain>})
 * @param publicUrl          CALENDAR_PUBLIC_URL: where people reach this service; the base of every {@code ics} link
 * @param feedToken          CALENDAR_FEED_TOKEN: when set, the calendar feeds require {@code ?token=} with this value
 * @param scheduling         how far ahead a free slot is looked for
 * @param nudges             delivery of nudges to Slack-compatible incoming webhooks
 */
@Validated
@ConfigurationProperties("breakdown.calendar")
public record CalendarProperties(
        @Min(1) @Max(480) int defaultDurationMin,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a host name") String uidDomain,
        @NotBlank(message = "must be set: CALENDAR_PUBLIC_URL, e.g. http://localhost:7300")
        @Pattern(regexp = HTTP_URL, message = "must be an absolute http(s) URL: check CALENDAR_PUBLIC_URL, e.g. http://localhost:7300")
        String publicUrl,
        @Pattern(regexp = "|[\\x21-\\x7e]{16,200}", message = "must be 16 to 200 printable ASCII characters without spaces"
                + " (an unguessable secret, e.g. from `openssl rand -hex 24`): check CALENDAR_FEED_TOKEN")
        String feedToken,
        @NotNull @Valid Scheduling scheduling,
        @NotNull @Valid Nudges nudges) {

    static final String HTTP_URL = "https?://[^\\s/?#@]+(/[^\\s]*)?";

    /** The public base without a trailing slash. */
    public String publicBase() {
        return publicUrl.strip().replaceAll("/+$", "");
    }

    public Optional<String> feedTokenIfSet() {
        return feedToken == null || feedToken.isBlank() ? Optional.empty() : Optional.of(feedToken);
    }

    /**
     * @param horizonDays CALENDAR_SCHEDULING_HORIZON_DAYS: a meeting is placed at most this many days after its
     *                    earliest possible start, or refused with 409
     */
    public record Scheduling(
            @Min(value = 1, message = "must be 1..366 days: check CALENDAR_SCHEDULING_HORIZON_DAYS")
            @Max(value = 366, message = "must be 1..366 days: check CALENDAR_SCHEDULING_HORIZON_DAYS")
            int horizonDays) {
    }

    /**
     * @param slackWebhookUrl NUDGE_SLACK_WEBHOOK_URL: the default channel for targets without their own
     * @param retryBase       first back-off after a 5xx, 429 or network failure; doubled per attempt
     * @param retryMax        the longest back-off (and the cap on an honoured Retry-After)
     * @param maxAttempts     attempts before a delivery is marked failed
     * @param pollInterval    how often the background sender looks for deliveries that are due
     * @param timeout         connect and read timeout of one delivery
     */
    public record Nudges(
            @Pattern(regexp = "|" + HTTP_URL,
                    message = "must be an absolute http(s) URL of a Slack-compatible incoming webhook: check NUDGE_SLACK_WEBHOOK_URL")
            String slackWebhookUrl,
            @NotNull Duration retryBase,
            @NotNull Duration retryMax,
            @Min(1) @Max(100) int maxAttempts,
            @NotNull Duration pollInterval,
            @NotNull Duration timeout) {

        public Optional<URI> defaultWebhook() {
            return slackWebhookUrl == null || slackWebhookUrl.isBlank() ? Optional.empty()
                    : Optional.of(URI.create(slackWebhookUrl.strip()));
        }
    }
}
