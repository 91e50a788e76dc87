package dev.breakdown.bench;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import dev.breakdown.platform.kafka.KafkaConnection;
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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Pipeline benchmark: publishes IssueEvents to {@code issues} and follows them to their outcomes, printing drain
 * rate, end-to-end latency percentiles and exactly-once counts. Commands: {@code backlog} publishes only (for a
 * gateway started afterwards) and {@code await} then reads actions and outcomes from the beginning; {@code burst}
 * (as fast as possible) and {@code steady} (a fixed rate) follow actions and outcomes while they publish. Latency
 * ends when a read_committed consumer of ours receives the outcome, i.e. once the gateway's transaction committed;
 * {@code await} has no such moment and uses the outcome record's own timestamp.
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
            case "burst" -> bench.burst(runId, Integer.parseInt(opts.getOrDefault("events", "10000")));
            default -> {
                System.err.println("usage: benchmarks.jar backlog|await|burst|steady --run-id ID [--events N] [--rate R --seconds S]");
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

    private void send(KafkaProducer<String, String> producer, IssueEvent e, Map<String, Long> published) {
        producer.send(new ProducerRecord<>(Topics.ISSUES, e.topicKey(), Json.mapper().writeValueAsString(e)),
                (meta, error) -> { if (error == null) published.put(e.eventId(), meta.timestamp()); });
    }

    private Map<String, Long> backlog(String runId, int events) {
        Map<String, Long> published = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (var producer = producer()) {
            for (int i = 0; i < events; i++) {
                send(producer, event(runId, i), published);
            }
        }
        System.out.printf(Locale.ROOT, "backlog: published %d events to %s in %.1f s%n", events, Topics.ISSUES,
                (System.nanoTime() - start) / 1e9);
        return published;
    }

    /** Publishes as fast as the producer goes while the pipeline runs, and follows the events to their outcomes. */
    private void burst(String runId, int events) throws Exception {
        try (FlowFollower follower = new FlowFollower(connection, runId + "-", true)) {
            Map<String, Long> published = backlog(runId, events);
            awaitAll(follower, runId, events, Duration.ofSeconds(600));
            report(follower, runId, events, published, true);
        }
    }

    private void steady(String runId, int rate, int seconds) throws Exception {
        int events = rate * seconds;
        Map<String, Long> published = new ConcurrentHashMap<>();
        long intervalNanos = 1_000_000_000L / rate;
        try (FlowFollower follower = new FlowFollower(connection, runId + "-", true); var producer = producer()) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                send(producer, event(runId, i), published);
            }
            producer.flush();
            System.out.printf(Locale.ROOT, "steady: published %d events at %d/s over %.1f s%n", events, rate,
                    (System.nanoTime() - start) / 1e9);
            awaitAll(follower, runId, events, Duration.ofSeconds(seconds + 120L));
            report(follower, runId, events, published, true);
        }
    }

    /** Reads actions and outcomes from the beginning until every event of the run has its outcome. */
    private void await(String runId, int events, Duration timeout, Map<String, Long> publishedAt) throws Exception {
        try (FlowFollower follower = new FlowFollower(connection, runId + "-", false)) {
            awaitAll(follower, runId, events, timeout);
            report(follower, runId, events, publishedAt, false);
        }
    }

    /** The run's event ids: runId-0 .. runId-(events-1). */
    private static List<String> ids(String runId, int events) {
        List<String> ids = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            ids.add(runId + "-" + i);
        }
        return ids;
    }

    private static void awaitAll(FlowFollower follower, String runId, int events, Duration timeout) throws Exception {
        follower.awaitCompleted(ids(runId, events), timeout);
        Thread.sleep(1000); // a late duplicate would still show in the counts
    }

    /** Live, an outcome's time is its arrival at the follower; otherwise its record's timestamp. */
    private static void report(FlowFollower follower, String runId, int events, Map<String, Long> publishedAt,
            boolean live) {
        Map<String, Long> outcomeAt = new HashMap<>();
        for (String id : ids(runId, events)) {
            long at = follower.completedMillis(id, !live);
            if (at >= 0) {
                outcomeAt.put(id, at);
            }
        }
        List<FlowFollower.Action> actions = follower.actions();
        int actionRecords = 0;
        int outcomeRecords = 0;
        int failedOutcomes = 0;
        Set<String> eventsWithAction = new HashSet<>();
        for (FlowFollower.Action a : actions) {
            actionRecords += a.records;
            eventsWithAction.add(a.sourceEventId);
            FlowFollower.Outcome o = follower.outcomeOf(a.id);
            if (o != null) {
                outcomeRecords += o.records;
                failedOutcomes += o.ack ? 0 : 1;
            }
        }
        report(events, publishedAt, outcomeAt, actions.size(), actionRecords, outcomeRecords, failedOutcomes,
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
