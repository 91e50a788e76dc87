package dev.breakdown.chatweb.telemetry;

import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.TelemetryEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Produces telemetry to REDPANDA_TELEMETRY_TOPIC, keyed by user id; the future completes on the broker's ack. */
@Component
public class TelemetryPublisher {
    private final KafkaTemplate<String, String> kafka;
    private final TelemetryProperties properties;
    private final Clock clock;

    public TelemetryPublisher(KafkaTemplate<String, String> kafka, TelemetryProperties properties, Clock clock) {
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Sends {@code event} (it must hold a string {@code type}) with {@code ts} (the event's own when it is a
     * number, else now) and {@code userId}. Completes exceptionally when the broker did not acknowledge.
     */
    public CompletableFuture<SendResult<String, String>> publish(String userId, Map<String, Object> event) {
        Map<String, Object> attributes = new LinkedHashMap<>(event);
        Object type = attributes.remove("type");
        Object ts = attributes.remove("ts");
        attributes.remove("userId");
        long when = ts instanceof Number number ? number.longValue() : clock.millis();
        TelemetryEvent record = new TelemetryEvent(type == null ? null : type.toString(), when, userId, attributes);
        return kafka.send(properties.topic(), userId, Json.mapper().writeValueAsString(record));
    }
}
