package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.Topics;
import dev.breakdown.e2e.IssueStream.Planned;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The gateway killed with SIGKILL at random moments while a stream of issue events flows, and started again each
 * time: afterwards every event has exactly its action, its outcome and its calendar entry, none missing, none twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayCrashTest {
    private static final int EVENTS = 200;
    private static final int KILLS = 4;

    @TempDir
    static Path workDir;
    private EmbeddedKafkaKraftBroker broker;
    private final StartedServices services = new StartedServices();
    private ServiceProcess calendar;
    private ServiceProcess gateway;

    @BeforeAll
    void startSystem() throws Exception {
        broker = TestBrokers.single(3);
        ServiceProcess agent = start("agent-service", Map.of());
        calendar = start("calendar-service", Map.of());
        gateway = start("gateway-service", GatewayEnv.of(broker.getBrokersAsString(), agent, calendar, "crash-test"));
        services.awaitHealthy();
    }

    @AfterAll
    void stopSystem() throws Exception {
        services.close();
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void gatewayKilledRepeatedlyMidStreamLeavesEveryEventWithExactlyItsActionOutcomeAndCalendarEntry() throws Exception {
        String brokers = broker.getBrokersAsString();
        List<Planned> stream = IssueStream.mixed(EVENTS);
        List<String> eventIds = stream.stream().map(p -> p.event().eventId()).toList();
        long seed = System.nanoTime();
        Random random = new Random(seed);

        // The stream goes out in KILLS + 1 chunks at ~10 events/s; each kill lands while its chunk still flows and before
        // the next chunk exists, so the kills stay mid-stream however fast the gateway drains.
        int chunk = EVENTS / (KILLS + 1);
        try (KafkaProducer<String, String> producer = IssueStream.producer(brokers)) {
            for (int kill = 1; kill <= KILLS + 1; kill++) {
                List<Planned> part = stream.subList((kill - 1) * chunk, kill == KILLS + 1 ? EVENTS : kill * chunk);
                CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                    try {
                        IssueStream.publish(producer, part, 100);
                    } catch (Exception e) {
                        throw new IllegalStateException("publishing the stream failed", e);
                    }
                });
                if (kill <= KILLS) {
                    long after = (long) (kill - 1) * chunk + 1 + random.nextInt(chunk / 2);
                    FlowLedger.awaitUntil(brokers, Duration.ofSeconds(90), l -> l.completeCount(eventIds) >= after,
                            l -> "before the kill: waited for " + after + " processed events, saw "
                                    + l.completeCount(eventIds) + " (seed " + seed + ")", gateway::logTail);
                    long done = FlowLedger.read(brokers).completeCount(eventIds);
                    System.out.printf("kill %d of the gateway after %d of %d events were processed%n", kill, done, EVENTS);
                    gateway.kill();
                }
                publishing.get(2, TimeUnit.MINUTES);
                if (kill <= KILLS) {
                    gateway = gateway.restart();
                    gateway.awaitHealthy(Duration.ofMinutes(2));
                }
            }
        }

        FlowLedger.awaitUntil(brokers, Duration.ofSeconds(120), l -> l.complete(eventIds),
                l -> (EVENTS - l.completeCount(eventIds)) + " event(s) without their action and outcome (seed " + seed + ")",
                gateway::logTail);
        FlowLedger.awaitGroupCaughtUp(brokers, "agent-gw", Topics.ISSUES, Duration.ofSeconds(60), gateway::logTail);
        FlowLedger ledger = FlowLedger.read(brokers);

        ExactlyOnce.assertEachEventHasExactlyItsActionAndOutcome(stream, ledger);
        assertThat(list("/api/meetings?limit=1000")).as("meetings in the calendar (seed %d)", seed)
                .hasSize((int) IssueStream.count(stream, "schedule_unblocker"));
        assertThat(list("/api/nudges?limit=1000")).as("nudges in the calendar (seed %d)", seed)
                .hasSize((int) IssueStream.count(stream, "post_nudge"));
    }

    private List<JsonNode> list(String path) throws Exception {
        return Http.getList(calendar.url(path));
    }

    private ServiceProcess start(String name, Map<String, String> env) throws Exception {
        ServiceProcess service = ServiceProcess.start(name, workDir.resolve(name), env);
        if (!name.equals("gateway-service")) {
            services.add(service);
        }
        return service;
    }
}
