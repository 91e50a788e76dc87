package dev.breakdown.gateway.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.gateway.GatewayApplication;
import dev.breakdown.gateway.standin.AgentStandIn;
import dev.breakdown.gateway.standin.CalendarStandIn;
import dev.breakdown.gateway.standin.TopicRecorder;
import dev.breakdown.gateway.standin.TopicRecorder.Keyed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The processed-events store outlives the process: a gateway started afresh reloads it from its topic. */
@EmbeddedKafka
class RedeliveryAfterRestartTest {

    static final AgentStandIn AGENT = AgentStandIn.start();
    static final CalendarStandIn CALENDAR = CalendarStandIn.start();
    static final Duration WAIT = Duration.ofSeconds(30);
    static String brokers;
    static TopicRecorder recorder;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        recorder = new TopicRecorder(brokers, List.of(Topics.ACTIONS, Topics.OUTCOMES));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        producer.close();
        recorder.close();
        AGENT.close();
        CALENDAR.close();
    }

    @Test
    void gatewayStartedAfterACrashStillIgnoresARedeliveryOfAnEventItProcessedBefore() throws Exception {
        IssueEvent issue = issue("github", 7);
        AGENT.decide(issue.eventId(), Decision.of("post_nudge", "team:triage", "new issue", "new-issue-nudge"));
        try (ConfigurableApplicationContext first = gateway()) {
            send(issue);
            awaitOutcomeOf(issue);
        }

        IssueEvent later = issue.toBuilder().eventId(UUID.randomUUID().toString()).build();
        AGENT.decide(later.eventId(), Decision.of("assign_owner", "owner:alice", "fence", "fence"));
        try (ConfigurableApplicationContext second = gateway()) {
            send(issue);
            send(later);
            awaitOutcomeOf(later);
        }

        assertThat(actionsFor(issue)).hasSize(1);
        assertThat(AGENT.callsFor(issue.eventId())).as("the redelivery is not even shown to the agent").isEqualTo(1);
        assertThat(CALENDAR.received()).filteredOn(r -> r.idempotencyKey().equals(actionsFor(issue).get(0).value().eventId()))
                .hasSize(1);
    }

    private static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.kafka.bootstrap-servers=" + brokers,
                        "AGENTKIT_URL=" + AGENT.runUrl(),
                        "CALENDAR_API_BASE=" + CALENDAR.apiBase(),
                        "spring.kafka.consumer.heartbeat-interval=300ms")
                .run();
    }

    private static void send(IssueEvent issue) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ISSUES, issue.topicKey(), Json.mapper().writeValueAsBytes(issue))).get();
    }

    private static List<Keyed<ActionEvent>> actionsFor(IssueEvent issue) {
        return recorder.values(Topics.ACTIONS, ActionEvent.class).stream()
                .filter(a -> issue.eventId().equals(a.value().sourceEventId())).toList();
    }

    private static void awaitOutcomeOf(IssueEvent issue) {
        await().atMost(WAIT).until(() -> {
            List<String> ids = actionsFor(issue).stream().map(a -> a.value().eventId()).toList();
            return !ids.isEmpty() && recorder.values(Topics.OUTCOMES, OutcomeEvent.class).stream()
                    .anyMatch(o -> ids.contains(o.value().actionEventId()));
        });
    }

    private static IssueEvent issue(String source, int number) {
        return IssueEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .projectId("alpha")
                .source(source)
                .type("issue_opened")
                .repo("acme/api")
                .issueNumber(number)
                .title("Rate limits are undocumented")
                .url("https://github.com/acme/api/issues/" + number)
                .labels(List.of("docs"))
                .status("Open")
                .createdAt(Instant.parse("2025-10-17T20:05:42Z"))
                .build();
    }
}
