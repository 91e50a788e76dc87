package dev.breakdown.calendar.idempotency;

/** A row found by its Idempotency-Key, with the fingerprint of the request that created it. */
public record Stored<T>(T entity, String fingerprint) {
}
