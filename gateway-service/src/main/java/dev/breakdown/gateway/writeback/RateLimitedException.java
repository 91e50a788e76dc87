package dev.breakdown.gateway.writeback;

import dev.breakdown.gateway.action.TransientActionException;
import java.time.Duration;
import java.util.Optional;

/** A tracker said to wait (429, GitHub's 403 limits, quota spent): the event is retried after at least that long. */
public class RateLimitedException extends TransientActionException {

    private final Duration wait;

    public RateLimitedException(String message, Duration wait) {
        super(message, null);
        this.wait = wait;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(wait);
    }
}
