package dev.breakdown.gateway.action;

/** A contract record to be written into the listener's Kafka transaction: topic, key and the value to send as JSON. */
public record Publication(String topic, String key, Object value) {
}
