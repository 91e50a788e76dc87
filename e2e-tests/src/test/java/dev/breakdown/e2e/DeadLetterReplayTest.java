package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import dev.breakdown.e2e.IssueStream.Planned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The agent down for good: the gateway dead-letters the events after its attempts. Once the agent is back, the
 * documented replay command (local-broker.jar replay-dlt, behind scripts/replay-dlt.sh) puts them back on issues
 * and each is processed once; replaying again copies nothing, and forcing a second copy changes nothing downstream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayTest {
    private static final Path TOOLS_JAR = Path.of("..", "local-broker", "target", "local-broker.jar").toAbsolutePath();

    @TempDir
    static Path workDir;
    private EmbeddedKafkaKraftBroker broker;
    private final StartedServices services = new StartedServices();
    private ServiceProcess calendar;
    private ServiceProcess gateway;
    private int agentPort;

    @BeforeAll
    void startSystemWithoutTheAgent() throws Exception {
        broker = TestBrokers.single(3);
        agentPort = ServiceProcess.freePort();
        calendar = start("calendar-service", Map.of());
        calendar.awaitHealthy(Duration.ofMinutes(3));
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "AGENTKIT_URL", "http://localhost:" + agentPort + "/run",
                "CALENDAR_API_BASE", calendar.url("/api"),
                "GATEWAY_RETRY_INITIAL_INTERVAL", "100ms",
                "GATEWAY_RETRY_MAX_ATTEMPTS", "3"));
        gateway = start("gateway-service", env);
        gateway.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    void stopSystem() throws Exception {
        services.close();
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void eventsDeadLetteredWhileTheAgentWasDownAreProcessedOnceAfterAReplay() throws Exception {
        String brokers = broker.getBrokersAsString();
        List<Planned> events = IssueStream.mixed(4);
        List<String> eventIds = events.stream().map(p -> p.event().eventId()).toList();
        try (var producer = IssueStream.producer(brokers)) {
            IssueStream.publish(producer, events, 0);
        }

        List<ConsumerRecord<String, String>> dead = awaitDeadLetters(eventIds.size());
        assertThat(dead).extracting(r -> eventIdOf(r.value())).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, "breakdown_dlt-attempts")).isEqualTo("3");
            assertThat(header(r, "kafka_dlt-exception-message")).contains("localhost:" + agentPort);
        });
        assertThat(FlowLedger.read(brokers).actions).isEmpty();

        ServiceProcess agent = ServiceProcess.startOnPort("agent-service", workDir.resolve("agent-service"), Map.of(), agentPort);
        services.add(agent);
        agent.awaitHealthy(Duration.ofMinutes(3));

        assertThat(replay()).contains("replayed 4 record(s)");
        FlowLedger.awaitUntil(brokers, Duration.ofSeconds(60), l -> l.complete(eventIds),
                l -> (eventIds.size() - l.completeCount(eventIds)) + " replayed event(s) not processed", gateway::logTail);
        FlowLedger.awaitGroupCaughtUp(brokers, "agent-gw", Topics.ISSUES, Duration.ofSeconds(60), gateway::logTail);
        ExactlyOnce.assertEachEventHasExactlyItsActionAndOutcome(events, FlowLedger.read(brokers));

        assertThat(replay()).as("a second replay continues after the first").contains("replayed 0 record(s)");

        assertThat(replay("--from-offset", "0")).as("forced copy of every dead letter").contains("replayed 4 record(s)");
        FlowLedger.awaitGroupCaughtUp(brokers, "agent-gw", Topics.ISSUES, Duration.ofSeconds(60), gateway::logTail);
        ExactlyOnce.assertEachEventHasExactlyItsActionAndOutcome(events, FlowLedger.read(brokers));
        assertThat(calendarCount("/api/meetings?limit=1000")).isEqualTo(IssueStream.count(events, "schedule_unblocker"));
        assertThat(calendarCount("/api/nudges?limit=1000")).isEqualTo(IssueStream.count(events, "post_nudge"));
    }

    /** Runs the replay command as scripts/replay-dlt.sh does, and returns what it printed. */
    private String replay(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TOOLS_JAR.toString(), "replay-dlt", "--timeout", "2"));
        command.addAll(List.of(options));
        Path output = Files.createTempFile(workDir, "replay", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString());
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited && process.exitValue() == 0).as("replay-dlt %s exited with 0:\n%s", List.of(options), printed)
                .isTrue();
        return printed;
    }

    private List<ConsumerRecord<String, String>> awaitDeadLetters(int count) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ISSUES_DLT, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(90);
            while (dead.size() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("only " + dead.size() + " of " + count + " dead letters after 90 s\n"
                            + gateway.logTail());
                }
                consumer.poll(Duration.ofMillis(250)).forEach(dead::add);
            }
        }
        return dead;
    }

    private static String eventIdOf(String json) {
        return Json.mapper().readTree(json).get("event_id").asString();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private long calendarCount(String path) throws Exception {
        return Http.getList(calendar.url(path)).size();
    }

    private ServiceProcess start(String name, Map<String, String> env) throws Exception {
        return services.start(name, workDir.resolve(name), env);
    }
}
