package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.action.IssueCoordinator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads issues as consumer group agent-gw. Returns only after every action and outcome is acknowledged by the
 * broker, so the offset is committed after them (at least once); failures propagate to the error handler.
 */
@Component
public class IssueListener {

    public static final String GROUP_ID = "agent-gw";
    public static final String LISTENER_ID = "issue-listener";

    private final IssueEventReader reader;
    private final IssueCoordinator coordinator;

    public IssueListener(IssueEventReader reader, IssueCoordinator coordinator) {
        this.reader = reader;
        this.coordinator = coordinator;
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP_ID, topics = Topics.ISSUES,
            concurrency = "${breakdown.gateway.concurrency:3}")
    public void onIssue(ConsumerRecord<String, byte[]> record) {
        IssueEvent event = reader.read(record.value());
        coordinator.handle(event);
    }
}
