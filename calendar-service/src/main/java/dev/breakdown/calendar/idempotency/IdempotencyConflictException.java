package dev.breakdown.calendar.idempotency;

/** An Idempotency-Key came back with a different request body; answered with 422. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String kind, String key, String existingId) {
        super("Idempotency-Key '" + key + "' was already used for " + kind + " " + existingId
                + " with a different request body; use a new key for a new " + kind);
    }
}
