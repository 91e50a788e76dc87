package dev.breakdown.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics from the beginning without joining a consumer group, so reading never moves anyone's offsets. */
final class TopicReader {
    private final Properties connection;

    TopicReader(Properties connection) {
        this.connection = connection;
    }

    int print(CliArgs options) {
        String topic = options.required("topic");
        int max = options.optional("max").map(Integer::parseInt).orElse(Integer.MAX_VALUE);
        int[] seen = {0};
        read(List.of(topic), options.timeout(5), record -> {
            System.out.printf("%s\t%s%n", record.key(), record.value());
            return ++seen[0] >= max;
        });
        return 0;
    }

    /** Feeds records to the handler until it answers true or no record arrives for {@code idle}. */
    void read(List<String> topics, Duration idle, RecordHandler handler) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant lastRecord = Instant.now();
            while (Duration.between(lastRecord, Instant.now()).compareTo(idle) < 0) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    lastRecord = Instant.now();
                    if (handler.handle(record)) {
                        return;
                    }
                }
            }
        }
    }

    interface RecordHandler {
        boolean handle(ConsumerRecord<String, String> record);
    }

}
