package dev.breakdown.e2e;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stream of normalized issue events built from the four samples in samples/events, each for its own issue, and
 * the one action the shipped default policies decide for each (the agent-service jar does the deciding).
 */
final class IssueStream {
    private static final Path SAMPLES = Path.of("..", "samples", "events");

    /** An event and the action the default policies take for it. */
    record Planned(IssueEvent event, String expectedAction) {
    }

    private enum Kind {
        P0_BUG("p0-bug.json", "escalate_owner"),
        FRONTEND("frontend-issue.json", "assign_owner"),
        OVERDUE("overdue-jira.json", "schedule_unblocker"),
        DOCS("docs-issue.json", "post_nudge");

        final String sample;
        final String action;

        Kind(String sample, String action) {
            this.sample = sample;
            this.action = action;
        }
    }

    private IssueStream() {
    }

    /** {@code count} events, the four kinds in turn, each about a different issue (so spread over partitions). */
    static List<Planned> mixed(int count) throws IOException {
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            IssueEvent sample = Json.mapper().readValue(SAMPLES.resolve(kind.sample).toFile(), IssueEvent.class);
            IssueEvent.Builder event = sample.toBuilder().eventId(UUID.randomUUID().toString());
            if ("jira".equals(sample.source())) {
                event.issueKey("PROJ-" + (10_000 + i));
            } else {
                event.issueNumber(10_000 + i);
            }
            planned.add(new Planned(event.build(), kind.action));
        }
        return planned;
    }

    static long count(List<Planned> planned, String action) {
        return planned.stream().filter(p -> p.expectedAction().equals(action)).count();
    }

    static KafkaProducer<String, String> producer(String brokers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer());
    }

    /** Publishes the events to issues, keyed by issue, pausing between them; waits for each ack. */
    static void publish(KafkaProducer<String, String> producer, List<Planned> planned, long pauseMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (Planned p : planned) {
            producer.send(new ProducerRecord<>(Topics.ISSUES, p.event().topicKey(),
                    Json.mapper().writeValueAsString(p.event()))).get(10, TimeUnit.SECONDS);
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }
}
