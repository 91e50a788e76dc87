package dev.breakdown.gateway.action;

import dev.breakdown.contracts.Json;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a contract record as JSON into the listener's Kafka transaction. It does not wait for the broker: the
 * commit flushes every send and fails (rolling the whole issue event back) if one of them failed.
 */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> template;

    public EventPublisher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    public void publish(Publication record) {
        publish(record.topic(), record.key(), record.value());
    }

    public void publish(String topic, String key, Object value) {
        template.send(topic, key, Json.mapper().writeValueAsBytes(value));
    }
}
