package dev.breakdown.chatweb.activity;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Reads {@code actions} and {@code outcomes} into the {@link ActivityStore}. On every assignment it seeks back
 * by the look-back, so a restarted chat-web shows the last day again instead of only what happens next.
 */
@Component
class ActivityConsumer extends AbstractConsumerSeekAware {
    private static final Logger log = LoggerFactory.getLogger(ActivityConsumer.class);

    private final ActivityStore store;
    private final ActivityProperties properties;
    private final Clock clock;

    ActivityConsumer(ActivityStore store, ActivityProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(id = "activity", groupId = "${breakdown.chat-web.activity.group}",
            topics = {Topics.ACTIONS, Topics.OUTCOMES},
            properties = {"enable.auto.commit=false", "auto.offset.reset=latest"})
    void onRecord(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (Topics.ACTIONS.equals(record.topic())) {
                store.addAction(record.key(), Json.mapper().readValue(record.value(), ActionEvent.class));
            } else {
                store.addOutcome(Json.mapper().readValue(record.value(), OutcomeEvent.class));
            }
        } catch (JacksonException e) {
            // A record we cannot read is someone else's bug; the view skips it rather than stopping.
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getOriginalMessage());
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        Collection<TopicPartition> partitions = assignments.keySet();
        callback.seekToTimestamp(partitions, clock.millis() - properties.lookback().toMillis());
    }
}
