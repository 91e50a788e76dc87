package dev.breakdown.gateway.sweep;

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
import dev.breakdown.gateway.standin.CalendarStandIn.Received;
import dev.breakdown.gateway.standin.TopicRecorder;
import dev.breakdown.gateway.standin.TopicRecorder.Keyed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The overdue sweep on an embedded broker: gateways started (and restarted) as whole applications with a fixed
 * clock; the sweep is run by calling it, its own timer is set to an hour so it never fires on its own.
 */
@EmbeddedKafka(partitions = 3)
class OverdueSweepTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate YESTERDAY = LocalDate.parse("2026-03-09");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final AgentStandIn AGENT = AgentStandIn.start();
    static final CalendarStandIn CALENDAR = CalendarStandIn.start();
    static final Duration WAIT = Duration.ofSeconds(45);
    static String brokers;
    static TopicRecorder recorder;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        brokers = broker.getBrokersAsString();
        recorder = new TopicRecorder(brokers, List.of(Topics.ISSUES, Topics.ACTIONS, Topics.OUTCOMES));
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
    void openIssueDueYesterdayWithoutFurtherEventsGetsOneUnblockerMeetingEvenWhenSweptAgainAndRestarted() throws Exception {
        IssueEvent issue = issue(1, "open", YESTERDAY.toString());
        String overdueId = planUnblockerFor(issue);
        try (ConfigurableApplicationContext first = gateway()) {
            send(issue);
            awaitTracked(first, issue);

            assertThat(sweep(first)).contains(overdueId);
            awaitOutcomeOf(overdueId);
            awaitSwept(first, issue);
            assertThat(sweep(first)).as("second sweep").doesNotContain(overdueId);
        }
        try (ConfigurableApplicationContext restarted = gateway()) {
            awaitSwept(restarted, issue);
            assertThat(sweep(restarted)).as("sweep after a restart").doesNotContain(overdueId);
            fence(issue);
        }

        assertThat(overdueEventsFor(issue)).hasSize(1).first().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("overdue:github:acme/ops#1:2026-03-09");
            assertThat(event.action()).isEqualTo("sweep");
            assertThat(event.title()).isEqualTo(issue.title());
            assertThat(event.dueAt()).isEqualTo("2026-03-09");
        });
        assertThat(AGENT.callsFor(overdueId)).isEqualTo(1);
        assertThat(actionsFrom(overdueId)).hasSize(1);
        assertThat(meetingKeysFor(issue)).hasSize(1);
    }

    @Test
    void twoGatewaysInOneGroupBookOneMeetingEvenIfBothAnnounceTheSameDueDate() throws Exception {
        IssueEvent issue = issue(2, "open", YESTERDAY.toString());
        String overdueId = planUnblockerFor(issue);
        try (ConfigurableApplicationContext one = gateway(); ConfigurableApplicationContext two = gateway()) {
            await().atMost(WAIT).until(() -> held(one).size() + held(two).size() == 3
                    && union(held(one), held(two)).size() == 3);
            send(issue);
            await().atMost(WAIT).until(() -> tracks(one, issue) || tracks(two, issue));

            List<String> published = new java.util.ArrayList<>(sweep(one));
            published.addAll(sweep(two));
            // A stale owner racing the new one would publish the same event once more: the same id.
            producer.send(new ProducerRecord<>(Topics.ISSUES, issue.topicKey(),
                    Json.mapper().writeValueAsBytes(overdueEventsOrAwait(issue).get(0)))).get();
            awaitOutcomeOf(overdueId);
            fence(issue);

            assertThat(published).as("only the partition's owner announces it").containsOnlyOnce(overdueId);
        }
        assertThat(overdueEventsFor(issue)).hasSize(2).extracting(IssueEvent::eventId).containsOnly(overdueId);
        assertThat(AGENT.callsFor(overdueId)).isEqualTo(1);
        assertThat(actionsFrom(overdueId)).hasSize(1);
        assertThat(meetingKeysFor(issue)).hasSize(1);
    }

    @Test
    void closedIssueAndIssueDueLaterGetNoOverdueEvent() throws Exception {
        IssueEvent closing = issue(3, "open", YESTERDAY.toString());
        IssueEvent closed = closing.toBuilder().eventId(UUID.randomUUID().toString()).type("issue_closed").state("closed").build();
        IssueEvent later = issue(4, "open", "2026-03-20");
        IssueEvent dueToday = issue(5, "open", "2026-03-10T23:00:00Z");
        try (ConfigurableApplicationContext gateway = gateway()) {
            send(closing);
            awaitTracked(gateway, closing);
            send(closed);
            send(later);
            send(dueToday);
            awaitTracked(gateway, later);
            awaitTracked(gateway, dueToday);
            await().atMost(WAIT).until(() -> !tracks(gateway, closing));

            assertThat(sweep(gateway)).doesNotContain(
                    DueIssue.overdueEventId(closing.topicKey(), YESTERDAY),
                    DueIssue.overdueEventId(later.topicKey(), LocalDate.parse("2026-03-20")),
                    DueIssue.overdueEventId(dueToday.topicKey(), LocalDate.parse("2026-03-10")));
            fence(closing);
            fence(later);
            fence(dueToday);
        }

        assertThat(overdueEventsFor(closing)).isEmpty();
        assertThat(overdueEventsFor(later)).isEmpty();
        assertThat(overdueEventsFor(dueToday)).as("due today is not overdue yet").isEmpty();
    }

    @Test
    void ordinaryEventsForAnOverdueIssueShareOneMeetingPerDueDate() throws Exception {
        IssueEvent first = issue(6, "open", YESTERDAY.toString()).toBuilder().type("issue_updated").build();
        IssueEvent second = first.toBuilder().eventId(UUID.randomUUID().toString()).action("labeled").build();
        IssueEvent newDueDate = first.toBuilder().eventId(UUID.randomUUID().toString()).dueAt("2026-03-08").build();
        for (IssueEvent event : List.of(first, second, newDueDate)) {
            AGENT.decide(event.eventId(), Decision.of("schedule_unblocker", "team:triage", "overdue", "overdue-unblocker"));
        }
        try (ConfigurableApplicationContext gateway = gateway()) {
            send(first);
            send(second);
            awaitOutcomeOf(first.eventId());
            awaitOutcomeOf(second.eventId());
            assertThat(meetingKeysFor(first)).as("two decisions, one meeting").hasSize(1);

            send(newDueDate);
            awaitOutcomeOf(newDueDate.eventId());
        }

        assertThat(actionsFrom(first.eventId())).hasSize(1);
        assertThat(actionsFrom(second.eventId())).hasSize(1);
        assertThat(actionsFrom(first.eventId()).get(0).eventId()).isNotEqualTo(actionsFrom(second.eventId()).get(0).eventId());
        assertThat(meetingKeysFor(first)).as("a new due date is a new meeting").hasSize(2);
        assertThat(outcomeDetail(first.eventId())).startsWith("mtg-").isEqualTo(outcomeDetail(second.eventId()));
    }

    // --- helpers

    private static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
                .properties(
                        "spring.kafka.bootstrap-servers=" + brokers,
                        "AGENTKIT_URL=" + AGENT.runUrl(),
                        "CALENDAR_API_BASE=" + CALENDAR.apiBase(),
                        "spring.kafka.consumer.heartbeat-interval=300ms",
                        "breakdown.gateway.sweep.interval=1h",
                        "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
                        "logging.level.state.change.logger=WARN")
                .run();
    }

    private static IssueEvent issue(int number, String state, String dueAt) {
        return IssueEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .projectId("alpha")
                .source("github")
                .type("issue_updated")
                .repo("acme/ops")
                .issueNumber(number)
                .title("Rotate the expiring certificates " + number + " " + UUID.randomUUID())
                .url("https://github.com/acme/ops/issues/" + number)
                .labels(List.of("ops"))
                .assignee("bob")
                .status("Open")
                .state(state)
                .dueAt(dueAt)
                .createdAt(Instant.parse("2026-02-01T09:00:00Z"))
                .build();
    }

    private static String planUnblockerFor(IssueEvent issue) {
        String overdueId = DueIssue.overdueEventId(issue.topicKey(), issue.dueDate().orElseThrow());
        AGENT.decide(overdueId, Decision.of("schedule_unblocker", "owner:bob", "overdue", "overdue-unblocker"));
        return overdueId;
    }

    private static void send(IssueEvent issue) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ISSUES, issue.topicKey(), Json.mapper().writeValueAsBytes(issue))).get();
    }

    private static List<String> sweep(ConfigurableApplicationContext gateway) {
        return gateway.getBean(OverdueSweep.class).sweep();
    }

    private static Set<Integer> held(ConfigurableApplicationContext gateway) {
        return gateway.getBean(DueIssues.class).partitions();
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean tracks(ConfigurableApplicationContext gateway, IssueEvent issue) {
        return gateway.getBean(DueIssues.class).find(issue.topicKey()).isPresent();
    }

    private static void awaitTracked(ConfigurableApplicationContext gateway, IssueEvent issue) {
        await().atMost(WAIT).until(() -> tracks(gateway, issue));
    }

    private static void awaitSwept(ConfigurableApplicationContext gateway, IssueEvent issue) {
        await().atMost(WAIT).until(() -> gateway.getBean(DueIssues.class).find(issue.topicKey())
                .map(d -> d.dueDate().equals(d.sweptDueDate())).orElse(false));
    }

    /** A later event for the same issue (same partition) handled: what the issue's earlier records caused is all there. */
    private static void fence(IssueEvent issue) throws Exception {
        IssueEvent later = issue.toBuilder().eventId(UUID.randomUUID().toString()).build();
        AGENT.decide(later.eventId(), Decision.of("assign_owner", "owner:fence", "fence", "fence"));
        send(later);
        awaitOutcomeOf(later.eventId());
    }

    private static List<IssueEvent> overdueEventsFor(IssueEvent issue) {
        return recorder.values(Topics.ISSUES, IssueEvent.class).stream().map(Keyed::value)
                .filter(e -> "issue_overdue".equals(e.type()) && issue.topicKey().equals(e.topicKey())).toList();
    }

    private static List<IssueEvent> overdueEventsOrAwait(IssueEvent issue) {
        return await().atMost(WAIT).until(() -> overdueEventsFor(issue), list -> !list.isEmpty());
    }

    private static List<ActionEvent> actionsFrom(String issueEventId) {
        return recorder.values(Topics.ACTIONS, ActionEvent.class).stream().map(Keyed::value)
                .filter(a -> issueEventId.equals(a.sourceEventId())).toList();
    }

    private static List<OutcomeEvent> outcomesFrom(String issueEventId) {
        List<String> ids = actionsFrom(issueEventId).stream().map(ActionEvent::eventId).toList();
        return recorder.values(Topics.OUTCOMES, OutcomeEvent.class).stream().map(Keyed::value)
                .filter(o -> ids.contains(o.actionEventId())).toList();
    }

    private static void awaitOutcomeOf(String issueEventId) {
        await().atMost(WAIT).until(() -> !outcomesFrom(issueEventId).isEmpty());
    }

    private static String outcomeDetail(String issueEventId) {
        return outcomesFrom(issueEventId).get(0).detail();
    }

    /** The distinct Idempotency-Keys of the meetings asked for this issue: one per meeting calendar-service holds. */
    private static Set<String> meetingKeysFor(IssueEvent issue) {
        Set<String> keys = new HashSet<>();
        for (Received r : CALENDAR.received()) {
            if (r.meeting() != null && r.meeting().title().equals("Unblock: " + issue.title())) {
                keys.add(r.idempotencyKey());
            }
        }
        return keys;
    }
}
