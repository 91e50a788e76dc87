package dev.breakdown.calendar.idempotency;

/** The outcome of a create: the entity, and whether it already existed for the Idempotency-Key. */
public record Creation<T>(T entity, boolean replayed) {
}
