package dev.breakdown.broker;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/** Publishes a JSON file (an object, or an array of objects) to a topic and waits for the broker's ack. */
final class TopicPublisher {
    private final Properties connection;

    TopicPublisher(Properties connection) {
        this.connection = connection;
    }

    int publish(CliArgs options) throws Exception {
        String topic = options.required("topic");
        Path file = Path.of(options.required("file"));
        JsonNode root = Json.mapper().readTree(Files.readString(file));
        List<JsonNode> records = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(records::add);
        } else {
            records.add(root);
        }
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // A cold JVM's first TLS + SCRAM handshake with a remote cluster can take seconds on a busy machine.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (JsonNode record : records) {
                String key = options.optional("key").orElseGet(() -> defaultKey(topic, record));
                RecordMetadata meta = producer.send(new ProducerRecord<>(topic, key, Json.mapper().writeValueAsString(record)))
                        .get(20, TimeUnit.SECONDS);
                System.out.printf("published %s to %s-%d@%d key=%s%n", file, meta.topic(), meta.partition(), meta.offset(), key);
            }
        }
        return 0;
    }

    /** Records on issues are keyed by issue so one issue's events stay in order. */
    private static String defaultKey(String topic, JsonNode record) {
        if (!Topics.ISSUES.equals(topic)) {
            return null;
        }
        return Json.mapper().treeToValue(record, IssueEvent.class).topicKey();
    }
}
