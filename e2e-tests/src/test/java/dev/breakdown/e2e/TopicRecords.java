package dev.breakdown.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics as a downstream reader does: committed records only, from the beginning, outside any group. */
final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * Feeds the records of {@code topics} to {@code done} until it answers true (then true) or the timeout passes
     * (then false). {@code connection} holds the bootstrap servers and any security settings.
     */
    static boolean readUntil(Properties connection, List<String> topics, Duration timeout,
            Predicate<ConsumerRecord<String, String>> done) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(t, p.partition()))).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (done.test(record)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
