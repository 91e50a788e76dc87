package dev.breakdown.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.gateway.intake.IssueErrorHandling;
import dev.breakdown.gateway.intake.IssueListener;
import dev.breakdown.gateway.kafka.TopicProperties;
import dev.breakdown.gateway.standin.AgentStandIn;
import dev.breakdown.gateway.standin.CalendarStandIn;
import dev.breakdown.gateway.standin.CalendarStandIn.Received;
import dev.breakdown.gateway.standin.TopicRecorder;
import dev.breakdown.gateway.standin.TopicRecorder.Keyed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against an embedded KRaft broker, with local stand-ins for the agent and calendar-service.
 * Every test uses its own issue event id, so the shared topics never mix their records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "breakdown.gateway.retry.initial-interval=20ms",
        "breakdown.gateway.retry.max-interval=100ms",
        "breakdown.gateway.retry.max-attempts=5",
        "spring.http.clients.read-timeout=1s",
        "spring.kafka.consumer.heartbeat-interval=300ms"})
@EmbeddedKafka
class GatewayFlowTest {

    static final AgentStandIn AGENT = AgentStandIn.start();
    static final CalendarStandIn CALENDAR = CalendarStandIn.start();
    static final Duration WAIT = Duration.ofSeconds(20);
    static TopicRecorder recorder;

    // The gateway's own template is transactional; a webhook-service-like plain producer feeds the issues topic.
    static KafkaTemplate<String, byte[]> template;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("AGENTKIT_URL", AGENT::runUrl);
        registry.add("CALENDAR_API_BASE", CALENDAR::apiBase);
    }

    @BeforeAll
    static void startRecorder(@Autowired EmbeddedKafkaBroker broker, @Autowired KafkaListenerEndpointRegistry registry,
            @Autowired TopicProperties topics) {
        recorder = new TopicRecorder(broker.getBrokersAsString(), List.of(Topics.ACTIONS, Topics.OUTCOMES, Topics.ISSUES_DLT));
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer()));
        // A consumer joining late would rebalance the group in the middle of a test and restart its retries.
        var listener = (ConcurrentMessageListenerContainer<?, ?>) registry.getListenerContainer(IssueListener.LISTENER_ID);
        await().atMost(WAIT).until(() -> listener.getContainers().stream()
                .mapToInt(c -> c.getAssignedPartitions() == null ? 0 : c.getAssignedPartitions().size())
                .sum() == topics.partitions());
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        recorder.close();
        template.destroy();
        AGENT.close();
        CALENDAR.close();
    }

    @Test
    void issueBecomesRecordedActionsCalendarCallsAndAcknowledgedOutcomes() throws Exception {
        IssueEvent issue = issue(101);
        Decision unblocker = new Decision("schedule_unblocker", "owner:bob", "overdue since 2025-10-10",
                "overdue-unblocker", List.of("owner:bob", "team:triage"), 30, "Unblock now: Date picker overflows the modal");
        Decision nudge = Decision.of("post_nudge", "team:triage", "new issue without owner", "new-issue-nudge");
        Decision assign = Decision.of("assign_owner", "owner:alice", "frontend label", "frontend-owner");
        Decision escalate = Decision.of("escalate_owner", "team:platform", "p0 bug", "p0-bug-escalation");
        AGENT.decide(issue.eventId(), unblocker, nudge, assign, escalate);

        send(issue);

        List<Keyed<ActionEvent>> actions = awaitActions(issue, 4);
        Map<String, ActionEvent> byAction = actions.stream().map(Keyed::value)
                .collect(Collectors.toMap(ActionEvent::action, Function.identity()));
        assertThat(actions).extracting(Keyed::key).containsOnly("github:acme/web#101");
        for (Decision decision : List.of(unblocker, nudge, assign, escalate)) {
            ActionEvent action = byAction.get(decision.action());
            assertThat(action.eventId()).isEqualTo(expectedActionId(issue, decision));
            assertThat(action.projectId()).isEqualTo("alpha");
            assertThat(action.target()).isEqualTo(decision.target());
            assertThat(action.rationale()).isEqualTo(decision.rationale());
            assertThat(action.policy()).isEqualTo(decision.policy());
            assertThat(action.sourceRef()).isEqualTo(issue.url());
            assertThat(action.sourceEventId()).isEqualTo(issue.eventId());
            assertThat(action.createdAt()).isNotNull();
        }

        List<Keyed<OutcomeEvent>> outcomes = awaitOutcomes(actions);
        assertThat(outcomes).extracting(Keyed::key).containsOnly("github:acme/web#101");
        Map<String, OutcomeEvent> outcomeByAction = outcomes.stream().map(Keyed::value)
                .collect(Collectors.toMap(OutcomeEvent::action, Function.identity()));
        assertThat(outcomeByAction.values()).allSatisfy(o -> {
            assertThat(o.ack()).isTrue();
            assertThat(o.projectId()).isEqualTo("alpha");
            assertThat(o.eventId()).isEqualTo(uuid("outcome|" + o.actionEventId()));
        });
        assertThat(outcomeByAction.get("schedule_unblocker").riskDelta()).isEqualTo(-0.2);
        assertThat(outcomeByAction.get("post_nudge").riskDelta()).isEqualTo(-0.05);
        assertThat(outcomeByAction.get("assign_owner").riskDelta()).isEqualTo(-0.1);
        assertThat(outcomeByAction.get("escalate_owner").riskDelta()).isEqualTo(-0.3);
        // Dry-run, the default: the outcome describes the GitHub requests and nothing is sent.
        assertThat(outcomeByAction.get("assign_owner").detail()).isEqualTo("github dry-run, would send: POST "
                + "https://api.github.com/repos/acme/web/issues/101/assignees {\"assignees\":[\"alice\"]}");
        assertThat(outcomeByAction.get("escalate_owner").detail()).startsWith("github dry-run, would send: POST "
                + "https://api.github.com/repos/acme/web/issues/101/labels {\"labels\":[\"escalated\"]} | POST "
                + "https://api.github.com/repos/acme/web/issues/101/comments");

        String meetingKey = byAction.get("schedule_unblocker").eventId();
        Received meeting = requestWithKey(meetingKey);
        assertThat(meeting.path()).isEqualTo("/api/meetings");
        assertThat(meeting.meeting().title()).isEqualTo("Unblock now: Date picker overflows the modal");
        assertThat(meeting.meeting().issue()).isEqualTo(issue.url());
        assertThat(meeting.meeting().participants()).containsExactly("owner:bob", "team:triage");
        assertThat(meeting.meeting().durationMin()).isEqualTo(30);
        assertThat(meeting.meeting().startAt()).isNull();
        assertThat(outcomeByAction.get("schedule_unblocker").detail()).startsWith("mtg-");

        String nudgeKey = byAction.get("post_nudge").eventId();
        Received nudgeRequest = requestWithKey(nudgeKey);
        assertThat(nudgeRequest.path()).isEqualTo("/api/nudges");
        assertThat(nudgeRequest.nudge().to()).isEqualTo("team:triage");
        assertThat(nudgeRequest.nudge().priority()).isEqualTo("normal");
        assertThat(nudgeRequest.nudge().message()).contains("Date picker overflows the modal", issue.url());
        assertThat(outcomeByAction.get("post_nudge").detail()).matches("ndg-\\d+; sent to slack:team:triage; .*");
        assertThat(nudgeRequest.nudge().link()).isEqualTo(issue.url());
    }

    @Test
    void unblockerWithoutParticipantsMeetsTheTargetForFifteenMinutes() throws Exception {
        IssueEvent issue = issue(102);
        AGENT.decide(issue.eventId(), Decision.of("schedule_unblocker", "team:triage", "overdue", "overdue-unblocker"));

        send(issue);

        ActionEvent action = awaitActions(issue, 1).get(0).value();
        awaitOutcomes(List.of(new Keyed<>(null, action)));
        Received meeting = requestWithKey(action.eventId());
        assertThat(meeting.meeting().participants()).containsExactly("team:triage");
        assertThat(meeting.meeting().durationMin()).isEqualTo(15);
    }

    @Test
    void nudgeForTopPriorityIssueIsHighPriority() throws Exception {
        IssueEvent issue = issue(103).toBuilder().priority("P0").build();
        AGENT.decide(issue.eventId(),
                new Decision("post_nudge", "team:platform", "p0", "p0-nudge", null, null, "Checkout is down"));

        send(issue);

        ActionEvent action = awaitActions(issue, 1).get(0).value();
        awaitOutcomes(List.of(new Keyed<>(null, action)));
        Received nudge = requestWithKey(action.eventId());
        assertThat(nudge.nudge().priority()).isEqualTo("high");
        assertThat(nudge.nudge().message()).isEqualTo("Checkout is down");
    }

    @Test
    void redeliveredIssueYieldsOneActionOneOutcomeAndOneNudge() throws Exception {
        IssueEvent issue = issue(104);
        AGENT.decide(issue.eventId(), Decision.of("post_nudge", "team:triage", "new issue", "new-issue-nudge"));

        send(issue);
        send(issue);
        fence(issue);

        List<Keyed<ActionEvent>> actions = actionsFor(issue);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).value().eventId()).isEqualTo(
                expectedActionId(issue, Decision.of("post_nudge", "team:triage", null, "new-issue-nudge")));
        assertThat(outcomesFor(actions)).hasSize(1);
        assertThat(requestsWithKey(actions.get(0).value().eventId())).hasSize(1);
        assertThat(AGENT.callsFor(issue.eventId())).isEqualTo(1);
    }

    @Test
    void calendarRefusingTheNudgeYieldsUnacknowledgedOutcomeWithFailureDelta() throws Exception {
        IssueEvent issue = issue(105);
        CALENDAR.answerFor("team:refused", 409);
        AGENT.decide(issue.eventId(), Decision.of("post_nudge", "team:refused", "new issue", "new-issue-nudge"));

        send(issue);

        List<Keyed<OutcomeEvent>> outcomes = awaitOutcomes(awaitActions(issue, 1));
        OutcomeEvent outcome = outcomes.get(0).value();
        assertThat(outcome.ack()).isFalse();
        assertThat(outcome.riskDelta()).isEqualTo(0.1);
        assertThat(outcome.detail()).isEqualTo("calendar answered 409 to POST /nudges: calendar stand-in refuses this request");
        assertThat(requestsWithKey(outcome.actionEventId())).hasSize(1);
    }

    @Test
    void unavailableCalendarIsAskedAgainAndOnlyTheAttemptThatWorkedIsRecorded() throws Exception {
        IssueEvent issue = issue(113);
        CALENDAR.answerFirst("team:flaky", 503, 2);
        AGENT.decide(issue.eventId(),
                Decision.of("assign_owner", "owner:alice", "frontend", "frontend-owner"),
                Decision.of("post_nudge", "team:flaky", "new issue", "new-issue-nudge"));

        send(issue);
        fence(issue);

        // Each rolled-back attempt had already written the assign_owner action and outcome: read_committed hides them.
        List<Keyed<ActionEvent>> actions = actionsFor(issue);
        assertThat(actions).extracting(a -> a.value().action()).containsExactly("assign_owner", "post_nudge");
        List<Keyed<OutcomeEvent>> outcomes = outcomesFor(actions);
        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o.value().ack()).isTrue());
        assertThat(requestsWithKey(actions.get(1).value().eventId())).hasSize(3);
        assertThat(AGENT.callsFor(issue.eventId())).isEqualTo(3);
    }

    @Test
    void calendarDownForGoodSendsTheIssueToDeadLetterAfterFiveAttempts() throws Exception {
        IssueEvent issue = issue(114);
        CALENDAR.answerFor("team:gone", 503);
        AGENT.decide(issue.eventId(), Decision.of("post_nudge", "team:gone", "new issue", "new-issue-nudge"));

        byte[] sent = send(issue);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(sent);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("calendar answered 503 to POST /nudges");
        assertThat(header(dead, IssueErrorHandling.ATTEMPTS_HEADER)).isEqualTo("5");
        assertThat(actionsFor(issue)).isEmpty();
    }

    @Test
    void actionWithoutExecutorIsRecordedAndReportedNotDone() throws Exception {
        IssueEvent issue = issue(106);
        AGENT.decide(issue.eventId(), Decision.of("open_pull_request", "repo:acme/web", "llm idea", "llm"));

        send(issue);

        List<Keyed<OutcomeEvent>> outcomes = awaitOutcomes(awaitActions(issue, 1));
        OutcomeEvent outcome = outcomes.get(0).value();
        assertThat(outcome.ack()).isFalse();
        assertThat(outcome.riskDelta()).isEqualTo(0.1);
        assertThat(outcome.detail()).isEqualTo("no executor for action open_pull_request");
    }

    @Test
    void unavailableAgentIsAskedAgainUntilItAnswers() throws Exception {
        IssueEvent issue = issue(107);
        AGENT.answerFirst(issue.eventId(), 503, 3);
        AGENT.decide(issue.eventId(), Decision.of("assign_owner", "owner:alice", "frontend", "frontend-owner"));

        send(issue);

        List<Keyed<OutcomeEvent>> outcomes = awaitOutcomes(awaitActions(issue, 1));
        assertThat(outcomes.get(0).value().ack()).isTrue();
        assertThat(AGENT.callsFor(issue.eventId())).isEqualTo(4);
    }

    @Test
    void agentTooSlowToAnswerIsAskedAgain() throws Exception {
        IssueEvent issue = issue(112);
        AGENT.answerSlowlyFirst(issue.eventId(), Duration.ofSeconds(3));
        AGENT.decide(issue.eventId(), Decision.of("assign_owner", "owner:alice", "frontend", "frontend-owner"));

        send(issue);

        assertThat(awaitOutcomes(awaitActions(issue, 1)).get(0).value().ack()).isTrue();
        assertThat(AGENT.callsFor(issue.eventId())).isEqualTo(2);
    }

    @Test
    void agentAskingToSlowDownIsAskedAgain() throws Exception {
        IssueEvent issue = issue(108);
        AGENT.answerFirst(issue.eventId(), 429, 1);
        AGENT.decide(issue.eventId(), Decision.of("assign_owner", "owner:alice", "frontend", "frontend-owner"));

        send(issue);

        awaitOutcomes(awaitActions(issue, 1));
        assertThat(AGENT.callsFor(issue.eventId())).isEqualTo(2);
    }

    @Test
    void issueRejectedByAgentGoesToDeadLetterWithoutRetry() throws Exception {
        IssueEvent issue = issue(109);
        AGENT.answerAlways(issue.eventId(), 400);

        byte[] sent = send(issue);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(sent);
        assertThat(dead.key()).isEqualTo("github:acme/web#109");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ISSUES);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("rejected event " + issue.eventId(), "400");
        assertThat(AGENT.callsFor(issue.eventId())).isEqualTo(1);
        assertThat(header(dead, IssueErrorHandling.ATTEMPTS_HEADER)).isEqualTo("1");
        assertThat(actionsFor(issue)).isEmpty();
    }

    @Test
    void issueTheAgentNeverAnswersGoesToDeadLetterAfterFiveAttempts() throws Exception {
        IssueEvent issue = issue(110);
        AGENT.answerAlways(issue.eventId(), 503);

        byte[] sent = send(issue);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(sent);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("503");
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_PARTITION)).isNotNull();
        assertThat(dead.partition()).isEqualTo(originalPartition(dead));
        assertThat(header(dead, IssueErrorHandling.ATTEMPTS_HEADER)).isEqualTo("5");
        assertThat(AGENT.callsFor(issue.eventId())).isEqualTo(5);
    }

    @Test
    void poisonRecordGoesToDeadLetterAtOnceAndTheNextIssueIsStillHandled() throws Exception {
        String key = "github:acme/web#111";
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        byte[] notAnIssue = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        IssueEvent issue = issue(111);
        AGENT.decide(issue.eventId(), Decision.of("assign_owner", "owner:alice", "frontend", "frontend-owner"));

        template.send(Topics.ISSUES, key, notJson).get();
        template.send(Topics.ISSUES, key, notAnIssue).get();
        send(issue);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(notJson);
        assertThat(dead.key()).isEqualTo(key);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not an IssueEvent");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo("dev.breakdown.gateway.intake.UnreadableIssueException");
        assertThat(header(awaitDeadLetter(notAnIssue), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("event_id");
        assertThat(awaitOutcomes(awaitActions(issue, 1)).get(0).value().ack()).isTrue();
    }

    @Test
    void batchWithFailingRecordsCommitsEveryOtherRecordOnceAndDeadLettersOnlyTheFailedOnes(
            @Autowired KafkaListenerEndpointRegistry registry) throws Exception {
        List<IssueEvent> healthy = new ArrayList<>();
        for (int n = 120; n < 126; n++) {
            IssueEvent issue = issue(n);
            AGENT.decide(issue.eventId(), Decision.of("post_nudge", "team:triage", "new issue", "new-issue-nudge"));
            healthy.add(issue);
        }
        IssueEvent flaky = issue(130);
        AGENT.answerFirst(flaky.eventId(), 503, 2);
        AGENT.decide(flaky.eventId(), Decision.of("assign_owner", "owner:alice", "frontend", "frontend-owner"));
        IssueEvent broken = issue(131);
        AGENT.answerAlways(broken.eventId(), 503);
        IssueEvent afterBroken = broken.toBuilder().eventId(UUID.randomUUID().toString()).build();
        AGENT.decide(afterBroken.eventId(), Decision.of("assign_owner", "owner:bob", "later", "frontend-owner"));
        IssueEvent rejected = issue(132);
        AGENT.answerAlways(rejected.eventId(), 400);

        // Paused, the listener lets the records pile up; resumed, it gets them in one poll batch of one partition.
        var listener = registry.getListenerContainer(IssueListener.LISTENER_ID);
        listener.pause();
        await().atMost(WAIT).until(listener::isContainerPaused);
        byte[] brokenBytes;
        byte[] rejectedBytes;
        try {
            sendTo(0, healthy.get(0));
            sendTo(0, flaky);
            sendTo(0, healthy.get(1));
            brokenBytes = sendTo(0, broken);
            sendTo(0, healthy.get(2));
            rejectedBytes = sendTo(0, rejected);
            sendTo(0, afterBroken);
            for (IssueEvent issue : healthy.subList(3, healthy.size())) {
                sendTo(0, issue);
            }
        } finally {
            listener.resume();
        }

        assertThat(header(awaitDeadLetter(brokenBytes), IssueErrorHandling.ATTEMPTS_HEADER)).isEqualTo("5");
        assertThat(header(awaitDeadLetter(rejectedBytes), IssueErrorHandling.ATTEMPTS_HEADER)).isEqualTo("1");
        List<IssueEvent> processed = new ArrayList<>(healthy);
        processed.add(flaky);
        processed.add(afterBroken);
        for (IssueEvent issue : processed) {
            List<Keyed<ActionEvent>> actions = awaitActions(issue, 1);
            awaitOutcomes(actions);
        }
        // The dead letters and the other records' results were committed together: all is on the topics now.
        for (IssueEvent issue : processed) {
            List<Keyed<ActionEvent>> actions = actionsFor(issue);
            assertThat(actions).as("actions of %s", issue.issueNumber()).hasSize(1);
            assertThat(outcomesFor(actions)).as("outcomes of %s", issue.issueNumber()).hasSize(1);
        }
        for (IssueEvent issue : healthy) {
            // Re-sent on each retry of the batch, always with the same Idempotency-Key and body: one nudge.
            requestWithKey(actionsFor(issue).get(0).value().eventId());
        }
        assertThat(actionsFor(broken)).isEmpty();
        assertThat(actionsFor(rejected)).isEmpty();
        assertThat(AGENT.callsFor(broken.eventId())).isEqualTo(5);
        assertThat(AGENT.callsFor(rejected.eventId())).isEqualTo(1);
        assertThat(recorder.on(Topics.ISSUES_DLT).stream()
                .filter(r -> Arrays.equals(r.value(), brokenBytes) || Arrays.equals(r.value(), rejectedBytes)))
                .hasSize(2);
    }

    @Test
    void kafkaHealthIsUpWhileTheBrokerAnswers(@Autowired @Qualifier("kafka") HealthIndicator kafkaHealth) {
        Health health = kafkaHealth.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("nodes", 1);
    }

    private static IssueEvent issue(int number) {
        return IssueEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .projectId("alpha")
                .source("github")
                .type("issue_opened")
                .repo("acme/web")
                .issueNumber(number)
                .title("Date picker overflows the modal")
                .url("https://github.com/acme/web/issues/" + number)
                .labels(List.of("frontend"))
                .status("Open")
                .createdAt(Instant.parse("2025-10-17T20:05:42Z"))
                .build();
    }

    private static byte[] send(IssueEvent issue) throws Exception {
        byte[] json = Json.mapper().writeValueAsBytes(issue);
        template.send(Topics.ISSUES, issue.topicKey(), json).get();
        return json;
    }

    private static byte[] sendTo(int partition, IssueEvent issue) throws Exception {
        byte[] json = Json.mapper().writeValueAsBytes(issue);
        template.send(Topics.ISSUES, partition, issue.topicKey(), json).get();
        return json;
    }

    private static String expectedActionId(IssueEvent issue, Decision decision) {
        return uuid(issue.eventId() + "|" + decision.policy() + "|" + decision.action() + "|" + decision.target());
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<Keyed<ActionEvent>> actionsFor(IssueEvent issue) {
        return recorder.values(Topics.ACTIONS, ActionEvent.class).stream()
                .filter(a -> issue.eventId().equals(a.value().sourceEventId()))
                .toList();
    }

    private static List<Keyed<OutcomeEvent>> outcomesFor(List<Keyed<ActionEvent>> actions) {
        List<String> ids = actions.stream().map(a -> a.value().eventId()).toList();
        return recorder.values(Topics.OUTCOMES, OutcomeEvent.class).stream()
                .filter(o -> ids.contains(o.value().actionEventId()))
                .toList();
    }

    /**
     * Sends a later event for the same issue (same partition) and waits for its outcome: the issue's earlier
     * records are then all on the topics, so what is missing there will not come.
     */
    private static void fence(IssueEvent issue) throws Exception {
        IssueEvent later = issue.toBuilder().eventId(UUID.randomUUID().toString()).build();
        AGENT.decide(later.eventId(), Decision.of("assign_owner", "owner:fence", "fence", "fence"));
        send(later);
        awaitOutcomes(awaitActions(later, 1));
    }

    private static List<Keyed<ActionEvent>> awaitActions(IssueEvent issue, int count) {
        return await().atMost(WAIT).until(() -> actionsFor(issue), list -> list.size() >= count);
    }

    private static List<Keyed<OutcomeEvent>> awaitOutcomes(List<Keyed<ActionEvent>> actions) {
        List<String> ids = actions.stream().map(a -> a.value().eventId()).toList();
        return await().atMost(WAIT).until(
                () -> recorder.values(Topics.OUTCOMES, OutcomeEvent.class).stream()
                        .filter(o -> ids.contains(o.value().actionEventId()))
                        .toList(),
                list -> list.size() >= actions.size());
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(byte[] value) {
        return await().atMost(WAIT).until(
                () -> recorder.on(Topics.ISSUES_DLT).stream()
                        .filter(r -> Arrays.equals(r.value(), value))
                        .findFirst().orElse(null),
                r -> r != null);
    }

    private static List<Received> requestsWithKey(String key) {
        return CALENDAR.received().stream().filter(r -> key.equals(r.idempotencyKey())).toList();
    }

    /** The calendar request sent for an action; at least once, and a repeat carries the same body. */
    private static Received requestWithKey(String key) {
        List<Received> requests = requestsWithKey(key);
        assertThat(requests).isNotEmpty().containsOnly(requests.get(0));
        return requests.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int originalPartition(ConsumerRecord<String, byte[]> record) {
        return ByteBuffer.wrap(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt();
    }
}
