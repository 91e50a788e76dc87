package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.Topics;
import dev.breakdown.e2e.IssueStream.Planned;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * Two gateway instances share group agent-gw on a three-broker cluster (topics replicated three times); one is
 * killed mid-stream and the other takes over its partitions: nothing lost, nothing doubled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayFailoverTest {
    private static final int EVENTS = 150;
    private static final int PARTITIONS = 6;

    @TempDir
    static Path workDir;
    private KafkaClusterTestKit cluster;
    private final StartedServices services = new StartedServices();
    private ServiceProcess calendar;
    private ServiceProcess first;
    private ServiceProcess second;

    @BeforeAll
    void startSystem() throws Exception {
        cluster = TestBrokers.cluster();
        ServiceProcess agent = start("agent-service", "agent-service", Map.of());
        calendar = start("calendar-service", "calendar-service", Map.of());
        first = start("gateway-service", "gateway-a", gatewayEnv(agent, "a"));
        // The second starts once the first has created the topics, so the two do not race to create them.
        first.awaitHealthy(Duration.ofMinutes(3));
        second = start("gateway-service", "gateway-b", gatewayEnv(agent, "b"));
        services.awaitHealthy();
    }

    private Map<String, String> gatewayEnv(ServiceProcess agent, String instance) {
        Map<String, String> env = new HashMap<>(GatewayEnv.of(cluster.bootstrapServers(), agent, calendar, instance));
        env.put("KAFKA_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
        env.put("KAFKA_TOPIC_REPLICAS", "3");
        return env;
    }

    @AfterAll
    void stopSystem() throws Exception {
        services.close();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void instanceKilledMidStreamLeavesItsPartitionsToTheOtherWithNothingLostOrDoubled() throws Exception {
        String brokers = cluster.bootstrapServers();
        List<Planned> stream = IssueStream.mixed(EVENTS);
        List<String> eventIds = stream.stream().map(p -> p.event().eventId()).toList();

        try (KafkaProducer<String, String> producer = IssueStream.producer(brokers)) {
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                try {
                    IssueStream.publish(producer, stream, 40);
                } catch (Exception e) {
                    throw new IllegalStateException("publishing the stream failed", e);
                }
            });
            FlowLedger.awaitUntil(brokers, Duration.ofSeconds(90), l -> l.completeCount(eventIds) >= EVENTS / 3,
                    l -> "waited for " + EVENTS / 3 + " processed events before the kill, saw " + l.completeCount(eventIds),
                    this::logs);
            long done = FlowLedger.read(brokers).completeCount(eventIds);
            assertThat(done).as("the kill lands mid-stream").isLessThan(EVENTS);
            System.out.printf("gateway-a killed after %d of %d events were processed%n", done, EVENTS);
            first.kill();
            publishing.get(2, TimeUnit.MINUTES);
        }

        FlowLedger.awaitUntil(brokers, Duration.ofSeconds(120), l -> l.complete(eventIds),
                l -> (EVENTS - l.completeCount(eventIds)) + " event(s) without their action and outcome", this::logs);
        FlowLedger.awaitGroupCaughtUp(brokers, "agent-gw", Topics.ISSUES, Duration.ofSeconds(60), this::logs);
        FlowLedger ledger = FlowLedger.read(brokers);

        ExactlyOnce.assertEachEventHasExactlyItsActionAndOutcome(stream, ledger);
        assertThat(count("/api/meetings?limit=1000")).isEqualTo(IssueStream.count(stream, "schedule_unblocker"));
        assertThat(count("/api/nudges?limit=1000")).isEqualTo(IssueStream.count(stream, "post_nudge"));
        assertThat(second.isAlive()).isTrue();
    }

    private String logs() {
        return "--- gateway-a:\n" + first.logTail() + "\n--- gateway-b:\n" + second.logTail();
    }

    private long count(String path) throws Exception {
        return Http.getList(calendar.url(path)).size();
    }

    private ServiceProcess start(String name, String dir, Map<String, String> env) throws Exception {
        return services.start(name, workDir.resolve(dir), env);
    }
}
