package dev.breakdown.gateway.action;

import dev.breakdown.contracts.Json;
import dev.breakdown.gateway.GatewayProperties;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes a contract record as JSON and waits for the broker's acknowledgement before returning. */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final Duration sendTimeout;

    public EventPublisher(KafkaTemplate<String, byte[]> template, GatewayProperties properties) {
        this.template = template;
        this.sendTimeout = properties.sendTimeout();
    }

    public void publish(String topic, String key, Object value) {
        byte[] json = Json.mapper().writeValueAsBytes(value);
        try {
            template.send(topic, key, json).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new KafkaException("could not write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("no acknowledgement from the broker for " + topic + " within " + sendTimeout, e);
        }
    }
}
