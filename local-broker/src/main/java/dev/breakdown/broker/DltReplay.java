package dev.breakdown.broker;

import dev.breakdown.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Copies dead letters from issues-dlt back to issues, key and value unchanged, for the gateway to try again.
 * Each copy and the consumer group {@value #GROUP}'s offset commit are one transaction, so a replay never repeats
 * what an earlier one copied; if a record is copied twice anyway (--from-offset), the gateway's processed-events
 * store ignores the second copy of an event it has processed.
 */
final class DltReplay {
    static final String GROUP = "dlt-replay";
    static final String REPLAYED_FROM_HEADER = "breakdown_replayed-from";

    private final Properties connection;

    DltReplay(Properties connection) {
        this.connection = connection;
    }

    int replay(CliArgs options) {
        long max = options.optional("max").map(Long::parseLong).orElse(Long.MAX_VALUE);
        Duration idle = options.timeout(5);
        long replayed = 0;
        try (var consumer = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ISSUES_DLT, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            options.optional("from-offset").map(Long::parseLong).ifPresent(from -> {
                Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
                partitions.forEach(tp -> consumer.seek(tp, Math.max(from, beginning.get(tp))));
            });
            producer.initTransactions();
            Instant lastRecord = Instant.now();
            while (replayed < max && Duration.between(lastRecord, Instant.now()).compareTo(idle) < 0) {
                for (ConsumerRecord<byte[], byte[]> dead : consumer.poll(Duration.ofMillis(200))) {
                    lastRecord = Instant.now();
                    if (replayed >= max) {
                        break;
                    }
                    copy(dead, consumer, producer);
                    replayed++;
                }
            }
        }
        System.out.printf("replayed %d record(s) from %s to %s; consumer group %s remembers where this replay stopped%n",
                replayed, Topics.ISSUES_DLT, Topics.ISSUES, GROUP);
        return 0;
    }

    private static void copy(ConsumerRecord<byte[], byte[]> dead, KafkaConsumer<byte[], byte[]> consumer,
            KafkaProducer<byte[], byte[]> producer) {
        String from = dead.topic() + "-" + dead.partition() + "@" + dead.offset();
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(Topics.ISSUES, dead.key(), dead.value());
        copy.headers().add(REPLAYED_FROM_HEADER, from.getBytes(StandardCharsets.UTF_8));
        producer.beginTransaction();
        try {
            RecordMetadata meta = producer.send(copy).get();
            producer.sendOffsetsToTransaction(Map.of(new TopicPartition(dead.topic(), dead.partition()),
                    new OffsetAndMetadata(dead.offset() + 1)), consumer.groupMetadata());
            producer.commitTransaction();
            System.out.printf("replayed %s -> %s-%d@%d key=%s reason: %s%n", from, meta.topic(), meta.partition(),
                    meta.offset(), text(dead.key()), header(dead, "kafka_dlt-exception-message"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            producer.abortTransaction();
            throw new IllegalStateException("interrupted while replaying " + from, e);
        } catch (Exception e) {
            producer.abortTransaction();
            throw new IllegalStateException("could not replay " + from + ": " + e.getMessage(), e);
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The gateway writes dead letters in transactions; one that was rolled back is not a dead letter.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP + "-" + UUID.randomUUID());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        return props;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "(none)" : new String(header.value(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
