package dev.breakdown.bench;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code issues}, {@code actions}, {@code outcomes} and {@code issues-dlt} as a user's read_committed
 * consumer sees them (an action or outcome arrives here once the gateway's transaction committed), keeping what
 * belongs to the events whose ids start with a prefix: how often each event is on {@code issues} and on the
 * dead-letter topic, its actions, each action's outcomes, and when (System.nanoTime()) each arrived. Live, it starts
 * at the topics' ends (positions resolved before anything is sent); otherwise at their beginnings.
 */
public final class FlowFollower implements AutoCloseable {
    private static final List<String> TOPICS = List.of(Topics.ISSUES, Topics.ACTIONS, Topics.OUTCOMES, Topics.ISSUES_DLT);

    private final Properties connection;
    private final String prefix;
    private final boolean live;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Exception failure;
    private volatile long caughtUpNanos;

    private final Map<String, Integer> onIssues = new HashMap<>();
    private final Map<String, Integer> deadLettered = new HashMap<>();
    private final Map<String, Integer> replayedToIssues = new HashMap<>();
    private final Map<String, Action> actions = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, List<String>> actionsOfEvent = new LinkedHashMap<>();

    /** An action record (the first of its id) and how many records carried its id. */
    public static final class Action {
        public final String id;
        public final String sourceEventId;
        public final String action;
        public final String policy;
        public final long arrivedNanos;
        public int records;

        Action(ActionEvent a, long now) {
            this.id = a.eventId();
            this.sourceEventId = a.sourceEventId();
            this.action = a.action();
            this.policy = a.policy();
            this.arrivedNanos = now;
        }
    }

    /**
     * The outcomes of one action id: how many records; the first one's ack and detail, when it arrived here
     * (System.nanoTime() and wall clock) and its record timestamp (when the gateway produced it).
     */
    public static final class Outcome {
        public final long arrivedNanos;
        public final long arrivedMillis;
        public final long timestamp;
        public final boolean ack;
        public final String detail;
        public int records;

        Outcome(OutcomeEvent o, long now, long nowMillis, long timestamp) {
            this.arrivedNanos = now;
            this.arrivedMillis = nowMillis;
            this.timestamp = timestamp;
            this.ack = o.ack();
            this.detail = o.detail();
        }
    }

    public FlowFollower(Properties connection, String eventIdPrefix, boolean live) throws Exception {
        this.connection = connection;
        this.prefix = eventIdPrefix;
        this.live = live;
        this.thread = new Thread(this::run, "flow-follower");
        thread.setDaemon(true);
        thread.start();
        positioned.await();
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(60))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            if (live) {
                consumer.seekToEnd(partitions);
            } else {
                consumer.seekToBeginning(partitions);
            }
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                try {
                    follow(consumer, partitions);
                } catch (RetriableException e) {
                    // The broker is away (the chaos run stops it): the consumer reconnects; keep following.
                }
            }
        } catch (Exception e) {
            failure = e;
        } finally {
            positioned.countDown();
        }
    }

    private void follow(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        var records = consumer.poll(Duration.ofMillis(50));
        long now = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        synchronized (this) {
            records.forEach(record -> take(record, now, nowMillis));
        }
        if (records.isEmpty()) {
            // With read_committed the end offsets are the last stable offsets: all that is committed.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            if (partitions.stream().allMatch(tp -> consumer.position(tp, Duration.ofSeconds(5)) >= end.get(tp))) {
                caughtUpNanos = now;
            }
        }
    }

    private void take(ConsumerRecord<String, String> record, long now, long nowMillis) {
        String topic = record.topic();
        if (record.value() == null) {
            return;
        }
        if (topic.equals(Topics.ACTIONS)) {
            ActionEvent a = Json.mapper().readValue(record.value(), ActionEvent.class);
            if (a.sourceEventId() != null && a.sourceEventId().startsWith(prefix)) {
                Action seen = actions.computeIfAbsent(a.eventId(), id -> {
                    actionsOfEvent.computeIfAbsent(a.sourceEventId(), e -> new ArrayList<>()).add(id);
                    return new Action(a, now);
                });
                seen.records++;
            }
        } else if (topic.equals(Topics.OUTCOMES)) {
            // Outcomes are kept by action id; whether the action is ours is known when they are read out.
            OutcomeEvent o = Json.mapper().readValue(record.value(), OutcomeEvent.class);
            outcomes.computeIfAbsent(o.actionEventId(), id -> new Outcome(o, now, nowMillis, record.timestamp())).records++;
        } else {
            String id = eventId(record.value());
            if (id != null && id.startsWith(prefix)) {
                // A dead letter copied back by replay-dlt carries this header: a replay, not a second delivery.
                boolean replayed = record.headers().lastHeader("breakdown_replayed-from") != null;
                (topic.equals(Topics.ISSUES) ? replayed ? replayedToIssues : onIssues : deadLettered)
                        .merge(id, 1, Integer::sum);
            }
        }
    }

    private static String eventId(String value) {
        try {
            return Json.mapper().readValue(value, IssueEvent.class).eventId();
        } catch (RuntimeException e) {
            return null; // not an IssueEvent: not one of ours
        }
    }

    /** When the event's last action got its first outcome, or -1 while an action of it has none (or none is known). */
    public synchronized long completedNanos(String eventId) {
        return completed(eventId, o -> o.arrivedNanos);
    }

    /** The same in epoch ms: when it arrived here, or (recordTime) the outcome record's own timestamp. */
    public synchronized long completedMillis(String eventId, boolean recordTime) {
        return completed(eventId, o -> recordTime ? o.timestamp : o.arrivedMillis);
    }

    private long completed(String eventId, java.util.function.ToLongFunction<Outcome> time) {
        List<String> ids = actionsOfEvent.get(eventId);
        if (ids == null) {
            return -1;
        }
        long last = -1;
        for (String id : ids) {
            Outcome o = outcomes.get(id);
            if (o == null) {
                return -1;
            }
            last = Math.max(last, time.applyAsLong(o));
        }
        return last;
    }

    public synchronized long completedCount(Iterable<String> eventIds) {
        long n = 0;
        for (String id : eventIds) {
            if (completedNanos(id) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** Waits until every one of these events has its outcomes; false after the timeout. */
    public boolean awaitCompleted(List<String> eventIds, Duration timeout) throws Exception {
        return await(() -> completedCount(eventIds) >= eventIds.size(), timeout);
    }

    /** Waits until this follower has read everything committed on its topics at some moment after the call. */
    public boolean awaitCaughtUp(Duration timeout) throws Exception {
        long asked = System.nanoTime();
        return await(() -> caughtUpNanos > asked, timeout);
    }

    private boolean await(java.util.function.BooleanSupplier done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (failure != null) {
                throw failure;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    public synchronized Map<String, Integer> onIssues() {
        return new HashMap<>(onIssues);
    }

    /** Copies of dead letters that replay-dlt put back on issues, by event id. */
    public synchronized Map<String, Integer> replayedToIssues() {
        return new HashMap<>(replayedToIssues);
    }

    public synchronized Map<String, Integer> deadLettered() {
        return new HashMap<>(deadLettered);
    }

    /** The distinct actions of one event, in the order they arrived. */
    public synchronized List<Action> actionsOf(String eventId) {
        return actionsOfEvent.getOrDefault(eventId, List.of()).stream().map(actions::get).toList();
    }

    public synchronized List<Action> actions() {
        return new ArrayList<>(actions.values());
    }

    public synchronized Outcome outcomeOf(String actionId) {
        return outcomes.get(actionId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
