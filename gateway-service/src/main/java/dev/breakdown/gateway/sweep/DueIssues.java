package dev.breakdown.gateway.sweep;

import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.kafka.StorePartitionReader;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The issues with a due date, per issues partition this instance holds in group agent-gw-sweep. Durable in the
 * compacted topic {@value #TOPIC} (co-partitioned with issues, key = issue key, tombstone when the issue closes or
 * loses its due date), written in the tracker's Kafka transaction with its offset; read back (read_committed, up
 * to the end) when a partition is assigned, forgotten when it is revoked. Same scheme as the processed-events
 * store, so the same reasoning holds: only the partition's owner writes to its store partition.
 */
public class DueIssues {

    public static final String TOPIC = "agent-gw-due";
    private static final Logger log = LoggerFactory.getLogger(DueIssues.class);

    private final Map<Integer, Map<String, DueIssue>> byPartition = new ConcurrentHashMap<>();
    private final KafkaTemplate<String, byte[]> template;
    private final StorePartitionReader reader;
    private final Duration loadTimeout;

    public DueIssues(KafkaTemplate<String, byte[]> template, StorePartitionReader reader, GatewayProperties properties) {
        this.template = template;
        this.reader = reader;
        this.loadTimeout = properties.transactionTimeout().plusSeconds(30);
    }

    /** The partitions of issues this instance currently tracks. */
    public Set<Integer> partitions() {
        return Set.copyOf(byPartition.keySet());
    }

    /** The open issues with a due date on one partition (empty if not held). */
    public Collection<DueIssue> on(int partition) {
        Map<String, DueIssue> issues = byPartition.get(partition);
        return issues == null ? List.of() : List.copyOf(issues.values());
    }

    /** What is known of an issue, on whichever held partition it is. */
    public Optional<DueIssue> find(String issueKey) {
        return byPartition.values().stream().map(m -> m.get(issueKey)).filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<DueIssue> get(int partition, String issueKey) {
        Map<String, DueIssue> issues = byPartition.get(partition);
        return issues == null ? Optional.empty() : Optional.ofNullable(issues.get(issueKey));
    }

    /**
     * Writes the issues' new snapshots (a null value: a tombstone) of one partition into the current Kafka
     * transaction; memory follows once it commits, so a rolled-back attempt leaves no trace.
     */
    void putAll(int partition, Map<String, DueIssue> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("due-date snapshots must be written inside the tracker's Kafka transaction");
        }
        Map<String, DueIssue> written = new HashMap<>(snapshots);
        written.forEach((issueKey, snapshot) -> template.send(new ProducerRecord<>(TOPIC, partition, issueKey,
                snapshot == null ? null : Json.mapper().writeValueAsBytes(snapshot))));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Map<String, DueIssue> issues = byPartition.get(partition);
                if (issues != null) {
                    written.forEach((issueKey, snapshot) -> {
                        if (snapshot == null) {
                            issues.remove(issueKey);
                        } else {
                            issues.put(issueKey, snapshot);
                        }
                    });
                }
            }
        });
    }

    /** For the tracker's container only: not a bean, so Boot keeps wiring the dedup store into the main listener. */
    ConsumerAwareRebalanceListener rebalanceListener() {
        return new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                partitions.stream().filter(tp -> tp.topic().equals(Topics.ISSUES))
                        .forEach(tp -> byPartition.put(tp.partition(), load(tp.partition())));
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                forget(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                forget(partitions);
            }
        };
    }

    private void forget(Collection<TopicPartition> partitions) {
        partitions.stream().filter(tp -> tp.topic().equals(Topics.ISSUES)).forEach(tp -> byPartition.remove(tp.partition()));
    }

    private Map<String, DueIssue> load(int partition) {
        long started = System.nanoTime();
        TopicPartition tp = new TopicPartition(TOPIC, partition);
        Map<String, DueIssue> issues = new ConcurrentHashMap<>();
        reader.readAll(tp, "due-date store", loadTimeout, record -> {
            if (record.value() == null) {
                issues.remove(record.key());
            } else {
                issues.put(record.key(), Json.mapper().readValue(record.value(), DueIssue.class));
            }
        });
        log.info("due-date store {} loaded: {} open issue(s) with a due date in {} ms", tp, issues.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return issues;
    }
}
