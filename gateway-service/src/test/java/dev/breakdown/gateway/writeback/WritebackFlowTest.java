package dev.breakdown.gateway.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.gateway.intake.IssueListener;
import dev.breakdown.gateway.kafka.TopicProperties;
import dev.breakdown.gateway.standin.AgentStandIn;
import dev.breakdown.gateway.standin.CalendarStandIn;
import dev.breakdown.gateway.standin.GitHubStandIn;
import dev.breakdown.gateway.standin.JiraStandIn;
import dev.breakdown.gateway.standin.TopicRecorder;
import dev.breakdown.gateway.standin.TopicRecorder.Keyed;
import dev.breakdown.gateway.standin.TrackerStandIn.Received;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in live mode against an embedded broker, the agent and calendar stand-ins and local GitHub and Jira
 * REST APIs: rate limits are waited out inside the retry budget (then the event is dead-lettered, without hammering),
 * a rolled-back and retried event posts no second comment, an unmapped Jira target says what to add.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "breakdown.writeback.mode=live",
        "breakdown.gateway.retry.initial-interval=100ms",
        "breakdown.gateway.retry.max-interval=1500ms",
        "breakdown.gateway.retry.max-attempts=4",
        "spring.http.clients.read-timeout=2s",
        "spring.kafka.consumer.heartbeat-interval=300ms"})
@EmbeddedKafka
class WritebackFlowTest {

    static final String TOKEN = "ghp_flowtest";
    static final AgentStandIn AGENT = AgentStandIn.start();
    static final CalendarStandIn CALENDAR = CalendarStandIn.start();
    static final GitHubStandIn GITHUB = new GitHubStandIn().acceptToken(TOKEN);
    static final JiraStandIn JIRA = new JiraStandIn("bot@acme.example", "jira-flow-token");
    static final Duration WAIT = Duration.ofSeconds(30);
    static TopicRecorder recorder;
    static KafkaTemplate<String, byte[]> template;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("AGENTKIT_URL", AGENT::runUrl);
        registry.add("CALENDAR_API_BASE", CALENDAR::apiBase);
        registry.add("GITHUB_API_URL", GITHUB::url);
        registry.add("GITHUB_TOKEN", () -> TOKEN);
        registry.add("JIRA_BASE_URL", JIRA::url);
        registry.add("JIRA_EMAIL", () -> "bot@acme.example");
        registry.add("JIRA_API_TOKEN", () -> "jira-flow-token");
    }

    @BeforeAll
    static void start(@Autowired EmbeddedKafkaBroker broker, @Autowired KafkaListenerEndpointRegistry registry,
            @Autowired TopicProperties topics) {
        recorder = new TopicRecorder(broker.getBrokersAsString(), List.of(Topics.ACTIONS, Topics.OUTCOMES, Topics.ISSUES_DLT));
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer()));
        var listener = (ConcurrentMessageListenerContainer<?, ?>) registry.getListenerContainer(IssueListener.LISTENER_ID);
        await().atMost(WAIT).until(() -> listener.getContainers().stream()
                .mapToInt(c -> c.getAssignedPartitions() == null ? 0 : c.getAssignedPartitions().size())
                .sum() == topics.partitions());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        recorder.close();
        template.destroy();
        AGENT.close();
        CALENDAR.close();
        GITHUB.close();
        JIRA.close();
    }

    @Test
    void rateLimitedCommentIsPostedOnceAfterRetryAfter() throws Exception {
        IssueEvent issue = Fixtures.githubIssue(501);
        AGENT.decide(issue.eventId(), Decision.of("post_nudge", "team:triage", "new issue", "new-issue-nudge"));
        GITHUB.answerNext(r -> r.is("POST", "/issues/501/comments"), 1, 429, Map.of("Retry-After", "1"),
                "{\"message\":\"You have exceeded a secondary rate limit.\"}");

        send(issue);

        OutcomeEvent outcome = awaitOutcome(issue);
        assertThat(outcome.ack()).isTrue();
        assertThat(outcome.detail()).startsWith("ndg-").contains("; github: commented on acme/web#501");
        List<Received> posts = GITHUB.received("POST", "/issues/501/comments");
        assertThat(posts).hasSize(2);
        assertThat(Duration.ofNanos(posts.get(1).atNanos() - posts.get(0).atNanos()))
                .as("the second try waited for Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(GITHUB.comments("acme/web", 501)).hasSize(1);
    }

    @Test
    void eventRetriedAfterARollbackPostsNoSecondComment() throws Exception {
        IssueEvent issue = Fixtures.githubIssue(502);
        AGENT.decide(issue.eventId(),
                Decision.of("post_nudge", "team:triage", "new issue", "new-issue-nudge"),
                Decision.of("schedule_unblocker", "owner:carol502", "overdue", "overdue-unblocker"));
        // The meeting fails once after the nudge's comment was posted: the whole event is rolled back and redone.
        CALENDAR.answerFirst("owner:carol502", 503, 1);

        send(issue);

        List<Keyed<ActionEvent>> actions = await().atMost(WAIT).until(() -> actionsFor(issue), list -> list.size() == 2);
        List<OutcomeEvent> outcomes = await().atMost(WAIT).until(() -> outcomesFor(actions), list -> list.size() == 2);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.ack()).isTrue());
        assertThat(outcomes).anySatisfy(o -> assertThat(o.detail()).contains("github: already commented on acme/web#502"));
        assertThat(GITHUB.received("POST", "/issues/502/comments")).as("one nudge comment, one meeting comment").hasSize(2);
        assertThat(GITHUB.comments("acme/web", 502)).anySatisfy(c -> assertThat(c)
                .startsWith("Unblocker meeting \"Unblock: Date picker overflows the modal\" (15 min) on 2030-01-07 09:00 UTC. "
                        + "Calendar: http://127.0.0.1:").contains("/api/meetings/mtg-"));
    }

    @Test
    void rateLimitOutlastingTheRetriesDeadLettersTheEventWithoutHammering() throws Exception {
        IssueEvent issue = Fixtures.jiraIssue("OPS-7");
        AGENT.decide(issue.eventId(), Decision.of("post_nudge", "team:triage", "new issue", "new-issue-nudge"));
        JIRA.answerAlways(r -> r.is("POST", "/OPS-7/comment"), 429, Map.of("Retry-After", "120"),
                "{\"errorMessages\":[\"Rate limit exceeded.\"]}");

        byte[] sent = send(issue);

        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> recorder.on(Topics.ISSUES_DLT).stream()
                .filter(r -> Arrays.equals(r.value(), sent)).findFirst().orElse(null), r -> r != null);
        assertThat(new String(dead.headers().lastHeader("breakdown_dlt-attempts").value())).isEqualTo("4");
        assertThat(JIRA.received("POST", "/OPS-7/comment")).as("one request; the others waited for Retry-After").hasSize(1);
        assertThat(JIRA.received().get(JIRA.received().size() - 1).is("POST", "/OPS-7/comment")).isTrue();
        assertThat(actionsFor(issue)).isEmpty();
    }

    @Test
    void unmappedJiraTargetIsAnOutcomeSayingWhatToAdd() throws Exception {
        IssueEvent issue = Fixtures.jiraIssue("WEB-9");
        AGENT.decide(issue.eventId(), Decision.of("assign_owner", "owner:alice", "frontend", "frontend-owner"));

        send(issue);

        OutcomeEvent outcome = awaitOutcome(issue);
        assertThat(outcome.ack()).isFalse();
        assertThat(outcome.riskDelta()).isEqualTo(0.1);
        assertThat(outcome.detail()).isEqualTo("no Jira account id for owner:alice: add \"jira: <accountId>\" for alice "
                + "under people: in the team directory (BREAKDOWN_TEAMS_FILE)");
        assertThat(JIRA.received()).noneMatch(r -> r.path().contains("/WEB-9"));
    }

    @Test
    void infoShowsTheMode(@Autowired WritebackStatus status) {
        Info.Builder info = new Info.Builder();
        status.contribute(info);

        assertThat(info.build().get("writeback")).isEqualTo(Map.of("mode", "live", "live_projects", List.of("*"),
                "escalation_label", "escalated", "github", "configured", "jira", "configured"));
    }

    private static byte[] send(IssueEvent issue) throws Exception {
        byte[] json = Json.mapper().writeValueAsBytes(issue);
        template.send(Topics.ISSUES, issue.topicKey(), json).get();
        return json;
    }

    private static List<Keyed<ActionEvent>> actionsFor(IssueEvent issue) {
        return recorder.values(Topics.ACTIONS, ActionEvent.class).stream()
                .filter(a -> issue.eventId().equals(a.value().sourceEventId())).toList();
    }

    private static List<OutcomeEvent> outcomesFor(List<Keyed<ActionEvent>> actions) {
        List<String> ids = actions.stream().map(a -> a.value().eventId()).toList();
        return recorder.values(Topics.OUTCOMES, OutcomeEvent.class).stream().map(Keyed::value)
                .filter(o -> ids.contains(o.actionEventId())).toList();
    }

    private static OutcomeEvent awaitOutcome(IssueEvent issue) {
        List<Keyed<ActionEvent>> actions = await().atMost(WAIT).until(() -> actionsFor(issue), list -> list.size() == 1);
        return await().atMost(WAIT).until(() -> outcomesFor(actions), list -> list.size() == 1).get(0);
    }
}
