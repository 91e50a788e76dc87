package dev.breakdown.gateway.sweep;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads issues as its own consumer group, agent-gw-sweep, and keeps each issue's due date and state in
 * {@link DueIssues}. Batches: one Kafka transaction per poll holds the batch's snapshot changes (the last one per
 * issue) and its offsets, so following the stream costs the broker one transaction per poll, not per event. The
 * sweep's own overdue events come back here and mark their due date as swept.
 */
public class DueTracker {

    public static final String GROUP_ID = "agent-gw-sweep";
    public static final String LISTENER_ID = "due-tracker";

    private final DueIssues dueIssues;

    public DueTracker(DueIssues dueIssues) {
        this.dueIssues = dueIssues;
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP_ID, topics = Topics.ISSUES,
            containerFactory = SweepConfig.CONTAINER_FACTORY, concurrency = "${breakdown.gateway.concurrency:1}")
    public void onIssues(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, Map<String, DueIssue>> changes = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            IssueEvent event = readOrNull(record);
            if (event == null) {
                continue;
            }
            Map<String, DueIssue> changed = changes.computeIfAbsent(record.partition(), p -> new LinkedHashMap<>());
            String key = event.topicKey();
            DueIssue before = changed.containsKey(key) ? changed.get(key)
                    : dueIssues.get(record.partition(), key).orElse(null);
            DueIssue after = next(event, before);
            if (!Objects.equals(before, after)) {
                changed.put(key, after);
            }
        }
        changes.forEach(dueIssues::putAll);
    }

    /** The snapshot after an event: an overdue event of the current due date marks it swept, others replace it. */
    static DueIssue next(IssueEvent event, DueIssue before) {
        if (DueIssue.isSweepEvent(event)) {
            boolean current = before != null && event.dueDate().filter(before.dueDate()::equals).isPresent();
            return current ? before.swept() : before;
        }
        return DueIssue.after(event, before);
    }

    // The main listener dead-letters what cannot be read; the tracker only has nothing to learn from it.
    private static IssueEvent readOrNull(ConsumerRecord<String, byte[]> record) {
        try {
            IssueEvent event = record.value() == null ? null : Json.mapper().readValue(record.value(), IssueEvent.class);
            if (event != null) {
                event.topicKey();
            }
            return event;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
