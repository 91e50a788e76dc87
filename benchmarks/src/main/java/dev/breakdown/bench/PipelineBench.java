package dev.breakdown.bench;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.kafka.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Pipeline benchmark: publishes IssueEvents to {@code issues} (a backlog, or a fixed rate) and follows them to
 * their outcomes, printing drain rate, end-to-end latency percentiles and exactly-once counts.
 * Latency is the outcome record's timestamp minus the issue record's timestamp, both stamped on this machine.
 */
public final class PipelineBench {
    private final Properties connection = new Properties();

    private PipelineBench() {
        connection.put("bootstrap.servers", KafkaConnection.bootstrapServers(System::getenv));
        connection.putAll(KafkaConnection.securityProperties(System::getenv));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String command = args.length == 0 ? "" : args[0];
        String runId = opts.getOrDefault("run-id", "bench");
        PipelineBench bench = new PipelineBench();
        switch (command) {
            case "backlog" -> bench.backlog(runId, Integer.parseInt(opts.getOrDefault("events", "10000")));
            case "await" -> bench.await(runId, Integer.parseInt(opts.getOrDefault("events", "10000")),
                    Duration.ofSeconds(Long.parseLong(opts.getOrDefault("timeout", "600"))), Map.of());
            case "steady" -> bench.steady(runId, Integer.parseInt(opts.getOrDefault("rate", "200")),
                    Integer.parseInt(opts.getOrDefault("seconds", "30")));
            default -> {
                System.err.println("usage: benchmarks.jar backlog|await|steady --run-id ID [--events N] [--rate R --seconds S]");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** The four original cases in turn, each with its own issue so keys spread over the partitions. */
    static IssueEvent event(String runId, int i) {
        IssueEvent.Builder b = IssueEvent.builder().eventId(runId + "-" + i).projectId("bench").source("github")
                .repo("bench/" + runId).issueNumber(i).title("Benchmark issue " + i).state("open").status("Open")
                .url("https://github.com/bench/" + runId + "/issues/" + i).createdAt(Instant.now());
        return switch (i % 4) {
            case 0 -> b.type("issue_opened").labels(List.of("bug", "p0")).priority("P0").build();
            case 1 -> b.type("issue_opened").labels(List.of("frontend")).build();
            case 2 -> b.type("issue_updated").labels(List.of("backend")).assignee("bench-owner").dueAt("2020-01-01").build();
            default -> b.type("issue_opened").labels(List.of("documentation")).build();
        };
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private Map<String, Long> backlog(String runId, int events) throws Exception {
        Map<String, Long> published = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (var producer = producer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                IssueEvent e = event(runId, i);
                sends.add(producer.send(new ProducerRecord<>(Topics.ISSUES, e.topicKey(), Json.mapper().writeValueAsString(e)),
                        (meta, error) -> { if (error == null) published.put(e.eventId(), meta.timestamp()); }));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        }
        System.out.printf(Locale.ROOT, "backlog: published %d events to %s in %.1f s%n", events, Topics.ISSUES,
                (System.nanoTime() - start) / 1e9);
        return published;
    }

    private void steady(String runId, int rate, int seconds) throws Exception {
        int events = rate * seconds;
        Map<String, Long> published = new ConcurrentHashMap<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (var producer = producer()) {
            for (int i = 0; i < events; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                IssueEvent e = event(runId, i);
                producer.send(new ProducerRecord<>(Topics.ISSUES, e.topicKey(), Json.mapper().writeValueAsString(e)),
                        (meta, error) -> { if (error == null) published.put(e.eventId(), meta.timestamp()); });
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "steady: published %d events at %d/s over %.1f s%n", events, rate,
                (System.nanoTime() - start) / 1e9);
        await(runId, events, Duration.ofSeconds(seconds + 120L), published);
    }

    /** Reads actions and outcomes until every event of the run has its outcome, then prints the figures. */
    private void await(String runId, int events, Duration timeout, Map<String, Long> publishedAt) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Map<String, String> sourceOfAction = new HashMap<>();
        Map<String, Long> outcomeAt = new HashMap<>();
        Set<String> eventsWithAction = new HashSet<>();
        int actionRecords = 0;
        int outcomeRecords = 0;
        int failedOutcomes = 0;
        List<ConsumerRecord<String, String>> pendingOutcomes = new ArrayList<>();
        String prefix = runId + "-";
        Instant deadline = Instant.now().plus(timeout);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ACTIONS, Topics.OUTCOMES)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (outcomeAt.size() < events && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(Topics.ACTIONS)) {
                        ActionEvent a = Json.mapper().readValue(record.value(), ActionEvent.class);
                        if (a.sourceEventId() != null && a.sourceEventId().startsWith(prefix)) {
                            actionRecords++;
                            sourceOfAction.put(a.eventId(), a.sourceEventId());
                            eventsWithAction.add(a.sourceEventId());
                        }
                    } else {
                        pendingOutcomes.add(record);
                    }
                }
                // Outcomes are matched once their action is known: the two topics are read side by side.
                for (var it = pendingOutcomes.iterator(); it.hasNext();) {
                    ConsumerRecord<String, String> record = it.next();
                    OutcomeEvent o = Json.mapper().readValue(record.value(), OutcomeEvent.class);
                    String source = sourceOfAction.get(o.actionEventId());
                    if (source == null) {
                        continue;
                    }
                    it.remove();
                    outcomeRecords++;
                    if (!o.ack()) {
                        failedOutcomes++;
                    }
                    outcomeAt.putIfAbsent(source, record.timestamp());
                }
                if (pendingOutcomes.size() > 1_000_000) {
                    pendingOutcomes.clear();
                }
            }
        }
        report(events, publishedAt, outcomeAt, sourceOfAction.size(), actionRecords, outcomeRecords, failedOutcomes,
                eventsWithAction.size());
    }

    private static void report(int events, Map<String, Long> publishedAt, Map<String, Long> outcomeAt, int distinctActions,
            int actionRecords, int outcomeRecords, int failedOutcomes, int eventsWithAction) {
        System.out.printf(Locale.ROOT, "events %d, with action %d, with outcome %d%n", events, eventsWithAction, outcomeAt.size());
        System.out.printf(Locale.ROOT, "actions: %d records, %d distinct ids (duplicates %d); outcomes: %d records "
                + "(ack false %d)%n", actionRecords, distinctActions, actionRecords - distinctActions, outcomeRecords,
                failedOutcomes);
        if (outcomeAt.isEmpty()) {
            return;
        }
        long first = outcomeAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = outcomeAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        double seconds = Math.max(1, last - first) / 1000.0;
        System.out.printf(Locale.ROOT, "drain: %d outcomes between the first and the last in %.2f s = %.0f events/s%n",
                outcomeAt.size(), seconds, outcomeAt.size() / seconds);
        long[] latencies = outcomeAt.entrySet().stream().filter(e -> publishedAt.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - publishedAt.get(e.getKey())).sorted().toArray();
        if (latencies.length > 0) {
            System.out.printf(Locale.ROOT, "latency issues -> outcomes (ms): p50 %d  p90 %d  p99 %d  max %d  (n=%d)%n",
                    pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[latencies.length - 1],
                    latencies.length);
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

}
