package dev.breakdown.webhook.error;

/** Every error answer: a stable code for machines and a sentence a person can act on. */
public record ErrorBody(String error, String message) {
}
