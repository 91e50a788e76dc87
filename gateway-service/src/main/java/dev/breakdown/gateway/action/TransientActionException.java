package dev.breakdown.gateway.action;

import java.time.Duration;
import java.util.Optional;

/**
 * An action failed for a reason that may pass (connection refused, timeout, 5xx, 429): the whole issue event is
 * rolled back and retried with back-off, and the repeat carries the same Idempotency-Key.
 */
public class TransientActionException extends RuntimeException {

    public TransientActionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** How long the other side asked us to wait (Retry-After), if it said; the retry back-off is at least that. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
