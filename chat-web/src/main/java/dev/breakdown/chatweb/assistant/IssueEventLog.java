package dev.breakdown.chatweb.assistant;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * The latest {@code IssueEvent} of each issue, read from {@code issues} in chat-web's own group, so the assistant can
 * ask the agent why an issue got its actions. Like the activity view it reads back CHAT_ACTIVITY_LOOKBACK on start;
 * it keeps the newest CHAT_ACTIVITY_MAX_ENTRIES issues.
 */
@Component
public class IssueEventLog extends AbstractConsumerSeekAware {
    private static final Logger log = LoggerFactory.getLogger(IssueEventLog.class);

    private final Clock clock;
    private final java.time.Duration lookback;
    private final int maxIssues;
    private final LinkedHashMap<String, IssueEvent> latest = new LinkedHashMap<>(16, 0.75f, true);

    IssueEventLog(Clock clock, dev.breakdown.chatweb.activity.ActivityProperties activity) {
        this.clock = clock;
        this.lookback = activity.lookback();
        this.maxIssues = activity.maxEntries();
    }

    /** The latest event of the first issue whose key ({@code github:o/r#1}, {@code jira:KEY-1}) matches. */
    public synchronized Optional<Map.Entry<String, IssueEvent>> latest(Predicate<String> issueKey) {
        return latest.entrySet().stream().filter(e -> issueKey.test(e.getKey())).findFirst().map(e -> Map.entry(e.getKey(), e.getValue()));
    }

    @KafkaListener(id = "assistant-issues", groupId = "${breakdown.chat-web.assistant.issues-group:chat-web-assistant}",
            topics = Topics.ISSUES, properties = {"enable.auto.commit=false", "auto.offset.reset=latest"})
    void onRecord(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            IssueEvent event = Json.mapper().readValue(record.value(), IssueEvent.class);
            String key = record.key() != null ? record.key() : event.topicKey();
            put(key, event);
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipping unreadable issue event {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    synchronized void put(String issueKey, IssueEvent event) {
        latest.put(issueKey, event);
        var eldest = latest.keySet().iterator();
        while (latest.size() > maxIssues && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        callback.seekToTimestamp(assignments.keySet(), clock.millis() - lookback.toMillis());
    }
}
