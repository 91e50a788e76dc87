package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.action.IssueCoordinator;
import dev.breakdown.gateway.dedup.ProcessedEvents;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads issues as consumer group agent-gw. The container runs each record in a Kafka transaction: the actions,
 * outcomes, processed marker and the consumed offset commit together or not at all (exactly once); a failure
 * rolls them back and goes to the after-rollback processor. An event id already processed is skipped.
 */
@Component
public class IssueListener {

    public static final String GROUP_ID = "agent-gw";
    public static final String LISTENER_ID = "issue-listener";
    private static final Logger log = LoggerFactory.getLogger(IssueListener.class);

    private final IssueEventReader reader;
    private final IssueCoordinator coordinator;
    private final ProcessedEvents processed;

    public IssueListener(IssueEventReader reader, IssueCoordinator coordinator, ProcessedEvents processed) {
        this.reader = reader;
        this.coordinator = coordinator;
        this.processed = processed;
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP_ID, topics = Topics.ISSUES,
            concurrency = "${breakdown.gateway.concurrency:3}")
    public void onIssue(ConsumerRecord<String, byte[]> record) {
        IssueEvent event = reader.read(record.value());
        Optional<Instant> first = processed.processedAt(record.partition(), event.eventId());
        if (first.isPresent()) {
            log.info("event {} ({}-{}@{}, key {}) was already processed at {}: redelivery ignored", event.eventId(),
                    record.topic(), record.partition(), record.offset(), record.key(), first.get());
            return;
        }
        coordinator.handle(event);
        processed.markProcessed(record, event);
    }
}
