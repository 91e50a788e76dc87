package dev.breakdown.calendar.idempotency;

import dev.breakdown.calendar.web.ConflictException;

/** An Idempotency-Key came back with a different request body; answered with 409 Conflict. */
public class IdempotencyConflictException extends ConflictException {

    public IdempotencyConflictException(String kind, String key, String existingId) {
        super("idempotency_key_reused", "Idempotency-Key '" + key + "' was already used for " + kind + " " + existingId
                + " with a different request body; use a new key for a new " + kind);
    }
}
