package dev.breakdown.gateway.dedup;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.kafka.StorePartitionReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The processed-events store: which issue event ids this consumer group has already acted on, so a redelivery
 * (same X-GitHub-Delivery, same X-Atlassian-Webhook-Identifier) yields no second action.
 *
 * <p>Durable part: topic {@value #TOPIC}, co-partitioned with issues (the marker of a record from issues
 * partition p goes to partition p, key = event_id), compact+delete with the dedup retention, written inside the
 * same Kafka transaction as the event's actions, outcomes and offset. In-memory part: per assigned partition, the
 * markers read back from the topic (read_committed) when the partition's first record arrives, plus the markers
 * of transactions this instance committed since. Only the partition's owner writes to its store partition, so
 * nothing is missed between the load and the next record.
 */
@Component
public class ProcessedEvents implements ConsumerAwareRebalanceListener {

    public static final String TOPIC = "agent-gw-processed";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final Map<Integer, PartitionMarkers> byPartition = new ConcurrentHashMap<>();
    private final KafkaTemplate<String, byte[]> template;
    private final StorePartitionReader reader;
    private final GatewayProperties.Dedup settings;
    private final Duration loadTimeout;
    private final Clock clock;

    public ProcessedEvents(KafkaTemplate<String, byte[]> template, StorePartitionReader reader,
            GatewayProperties properties) {
        this.template = template;
        this.reader = reader;
        this.settings = properties.dedup();
        // A crashed owner's open transaction holds the store back until the broker aborts it at its timeout.
        this.loadTimeout = properties.transactionTimeout().plusSeconds(30);
        this.clock = Clock.systemUTC();
    }

    /** When this event id was first processed on this partition of issues, within the retention; loads the partition first. */
    public Optional<Instant> processedAt(int partition, String eventId) {
        return markers(partition).processedAt(eventId, clock.instant());
    }

    /**
     * Writes the event's marker into the current Kafka transaction; it joins the in-memory store once that
     * transaction commits, so a rolled-back attempt leaves no trace.
     */
    public void markProcessed(ConsumerRecord<?, ?> source, IssueEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("processed-event markers must be written inside the listener's Kafka transaction");
        }
        Instant now = clock.instant();
        String from = source.topic() + "-" + source.partition() + "@" + source.offset();
        byte[] marker = Json.mapper().writeValueAsBytes(new ProcessedMarker(event.eventId(), event.topicKey(), from, now));
        template.send(new ProducerRecord<>(TOPIC, source.partition(), event.eventId(), marker));
        int partition = source.partition();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                PartitionMarkers markers = byPartition.get(partition);
                if (markers != null) {
                    markers.remember(event.eventId(), now, now);
                }
            }
        });
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    // The next owner reloads from the topic; keeping a stale copy could miss what another instance did meanwhile.
    private void forget(Collection<TopicPartition> partitions) {
        partitions.stream().filter(tp -> tp.topic().equals(Topics.ISSUES)).forEach(tp -> byPartition.remove(tp.partition()));
    }

    private PartitionMarkers markers(int partition) {
        PartitionMarkers markers = byPartition.get(partition);
        if (markers == null) {
            markers = load(partition);
            byPartition.put(partition, markers);
        }
        return markers;
    }

    /**
     * Reads the store partition from the beginning, read_committed, up to the high watermark seen at the start:
     * the position only gets there once every transaction open at that moment is committed or aborted.
     */
    private PartitionMarkers load(int partition) {
        long started = System.nanoTime();
        TopicPartition tp = new TopicPartition(TOPIC, partition);
        PartitionMarkers markers = new PartitionMarkers(settings.retention(), settings.maxEntriesPerPartition());
        reader.readAll(tp, "processed-events store", loadTimeout, record -> {
            if (record.value() == null) {
                markers.forget(record.key());
            } else {
                markers.remember(record.key(), Instant.ofEpochMilli(record.timestamp()), clock.instant());
            }
        });
        log.info("processed-events store {} loaded: {} event id(s) within {} in {} ms", tp, markers.size(),
                settings.retention(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return markers;
    }
}
