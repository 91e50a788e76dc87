package dev.breakdown.e2e;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every action and outcome committed so far, read as a user's read_committed consumer sees them, counted by
 * event id: the evidence for "exactly once". Reads from the beginning on each call; fine for a few thousand records.
 */
final class FlowLedger {

    final List<ActionEvent> actions = new ArrayList<>();
    final List<OutcomeEvent> outcomes = new ArrayList<>();

    /** Reads actions and outcomes up to their current end. */
    static FlowLedger read(String brokers) {
        FlowLedger ledger = new FlowLedger();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ACTIONS, Topics.OUTCOMES)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed, the end offsets are the last stable offsets: nothing before them is still open.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read actions/outcomes up to " + end + " within 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(Topics.ACTIONS)) {
                        ledger.actions.add(Json.mapper().readValue(record.value(), ActionEvent.class));
                    } else {
                        ledger.outcomes.add(Json.mapper().readValue(record.value(), OutcomeEvent.class));
                    }
                }
            }
        }
        return ledger;
    }

    /** Re-reads until the condition holds; the failure says what was still missing and shows the service logs. */
    static FlowLedger awaitUntil(String brokers, Duration timeout, Predicate<FlowLedger> done,
            Function<FlowLedger, String> missing, Supplier<String> logs) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        FlowLedger ledger = read(brokers);
        while (!done.test(ledger)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("after " + timeout + ": " + missing.apply(ledger) + "\n" + logs.get());
            }
            Thread.sleep(500);
            ledger = read(brokers);
        }
        return ledger;
    }

    Map<String, List<ActionEvent>> actionsBySourceEvent() {
        return actions.stream().collect(Collectors.groupingBy(ActionEvent::sourceEventId));
    }

    Map<String, Long> actionCountById() {
        return actions.stream().collect(Collectors.groupingBy(ActionEvent::eventId, Collectors.counting()));
    }

    Map<String, Long> outcomeCountByActionId() {
        return outcomes.stream().collect(Collectors.groupingBy(OutcomeEvent::actionEventId, Collectors.counting()));
    }

    /** Whether every one of these issue events has at least one action, each with an outcome. */
    boolean complete(Collection<String> eventIds) {
        Map<String, List<ActionEvent>> bySource = actionsBySourceEvent();
        Map<String, Long> outcomeCounts = outcomeCountByActionId();
        return eventIds.stream().allMatch(id -> bySource.containsKey(id)
                && bySource.get(id).stream().allMatch(a -> outcomeCounts.containsKey(a.eventId())));
    }

    long completeCount(Collection<String> eventIds) {
        Map<String, List<ActionEvent>> bySource = actionsBySourceEvent();
        Map<String, Long> outcomeCounts = outcomeCountByActionId();
        return eventIds.stream().filter(id -> bySource.containsKey(id)
                && bySource.get(id).stream().allMatch(a -> outcomeCounts.containsKey(a.eventId()))).count();
    }

    /**
     * Waits until consumer group {@code group} has committed offsets past every committed record of {@code topic}:
     * after that nothing the group does can add an action or outcome for those records.
     */
    static void awaitGroupCaughtUp(String brokers, String group, String topic, Duration timeout, Supplier<String> logs)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
                var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Instant deadline = Instant.now().plus(timeout);
            Map<TopicPartition, Long> behind = Map.of();
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                behind = unprocessed(consumer, partitions, committed);
                if (behind.isEmpty()) {
                    return;
                }
                Thread.sleep(300);
            }
            throw new AssertionError("group " + group + " has not processed the records of " + topic + " from offsets "
                    + behind + " after " + timeout + "\n" + logs.get());
        }
    }

    /**
     * The partitions with a committed record at or after the group's offset. Comparing with the end offset is not
     * enough: a transactional producer's commit marker takes an offset the group never commits past.
     */
    private static Map<TopicPartition, Long> unprocessed(KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions, Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long from = committed.containsKey(tp) && committed.get(tp) != null ? committed.get(tp).offset() : 0;
            if (from >= end.get(tp)) {
                continue;
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, from);
            Instant deadline = Instant.now().plusSeconds(10);
            while (consumer.position(tp) < end.get(tp) && Instant.now().isBefore(deadline)) {
                if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                    behind.put(tp, from);
                    break;
                }
            }
        }
        return behind;
    }
}
