package dev.breakdown.gateway.kafka;

import dev.breakdown.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Reads one partition of a store topic (the processed-events store, the due-date store) from the beginning,
 * read_committed, up to the high watermark seen at the start: the position only gets there once every
 * transaction open at that moment is committed or aborted, so a crashed owner's committed records are never missed.
 */
@Component
public class StorePartitionReader implements DisposableBean {
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<?, ?> consumerFactory;
    private final KafkaAdmin kafkaAdmin;
    private volatile Admin admin;

    public StorePartitionReader(ConsumerFactory<?, ?> consumerFactory, KafkaAdmin kafkaAdmin) {
        this.consumerFactory = consumerFactory;
        this.kafkaAdmin = kafkaAdmin;
    }

    /** Feeds every committed record of the partition to {@code each}, in order; fails after {@code timeout}. */
    public void readAll(TopicPartition tp, String storeName, Duration timeout, Consumer<ConsumerRecord<String, byte[]>> each) {
        long target = highWatermark(tp);
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readCommittedConfig(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            while (consumer.position(tp) < target) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(storeName + " " + tp + " not readable up to offset " + target
                            + " within " + timeout + " (position " + consumer.position(tp)
                            + "): a transaction is still open on it");
                }
                consumer.poll(POLL).forEach(each);
            }
        }
    }

    private long highWatermark(TopicPartition tp) {
        try {
            return admin().listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .partitionResult(tp).get(30, TimeUnit.SECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end of " + tp, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + tp + " (the store needs as many partitions as "
                    + Topics.ISSUES + "): " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    private Map<String, Object> readCommittedConfig() {
        Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return config;
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafkaAdmin.getConfigurationProperties());
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
