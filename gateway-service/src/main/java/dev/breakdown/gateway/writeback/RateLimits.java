package dev.breakdown.gateway.writeback;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;

/**
 * What one tracker said about its limits. Remaining quota ({@code X-RateLimit-Remaining}) is the gauge
 * {@value #GAUGE}; once a tracker says to wait (429, GitHub's 403 secondary limit, quota spent until
 * {@code X-RateLimit-Reset}), no request is sent to it before that moment: the caller gets a
 * {@link RateLimitedException} at once, so retries never hammer a limited API.
 */
public final class RateLimits {

    public static final String GAUGE = "breakdown.writeback.rate_limit.remaining";
    // GitHub: "wait for at least one minute" when a secondary limit names no time.
    static final Duration UNSPECIFIED_WAIT = Duration.ofMinutes(1);

    private final String tracker;
    private final Clock clock;
    private final AtomicLong remaining = new AtomicLong(-1);
    private volatile Instant blockedUntil = Instant.MIN;

    public RateLimits(String tracker, MeterRegistry registry, Clock clock) {
        this.tracker = tracker;
        this.clock = clock;
        Gauge.builder(GAUGE, remaining, r -> r.get() < 0 ? Double.NaN : r.get())
                .description("Requests left in the tracker's current rate-limit window, as it last said")
                .tag("tracker", tracker)
                .register(registry);
    }

    /** Refuses to send while the tracker asked us to wait. */
    void checkOpen(TrackerRequest request) {
        Instant now = clock.instant();
        Instant until = blockedUntil;
        if (now.isBefore(until)) {
            throw new RateLimitedException(tracker + " rate limit: " + request.method() + " " + request.uri().getPath()
                    + " not sent, the limit resets at " + until, Duration.between(now, until));
        }
    }

    /** Reads the quota headers of any answer; a spent quota closes the gate until its reset. */
    void observe(HttpHeaders headers) {
        Optional<Long> left = number(headers.getFirst("X-RateLimit-Remaining"));
        left.ifPresent(remaining::set);
        if (left.isPresent() && left.get() <= 0) {
            reset(headers).ifPresent(this::blockUntil);
        }
    }

    /** For an error answer: the exception to throw when it is a rate limit, empty when it is another error. */
    Optional<RateLimitedException> limited(int status, HttpHeaders headers, String body, TrackerRequest request) {
        boolean retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER) != null;
        boolean spent = number(headers.getFirst("X-RateLimit-Remaining")).map(n -> n <= 0).orElse(false);
        boolean says = body != null && body.toLowerCase(Locale.ROOT).contains("rate limit");
        if (status != 429 && !(status == 403 && (retryAfter || spent || says))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant until = retryAfter(headers, now)
                .or(() -> spent ? reset(headers) : Optional.empty())
                .orElse(now.plus(UNSPECIFIED_WAIT));
        blockUntil(until);
        Duration wait = Duration.between(now, until).isNegative() ? Duration.ZERO : Duration.between(now, until);
        return Optional.of(new RateLimitedException(tracker + " answered " + status + " (rate limit) to "
                + request.method() + " " + request.uri().getPath() + ": waiting " + wait.toSeconds() + " s", wait));
    }

    public long remaining() {
        return remaining.get();
    }

    private synchronized void blockUntil(Instant until) {
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    // Retry-After: seconds or an HTTP date.
    private static Optional<Instant> retryAfter(HttpHeaders headers, Instant now) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(now.plusSeconds(Math.max(0, seconds.get())));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // X-RateLimit-Reset: epoch seconds on GitHub, an ISO timestamp on Jira.
    private static Optional<Instant> reset(HttpHeaders headers) {
        String value = headers.getFirst("X-RateLimit-Reset");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> epoch = number(value);
        if (epoch.isPresent()) {
            return Optional.of(Instant.ofEpochSecond(epoch.get()));
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
