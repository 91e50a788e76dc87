package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.Nudge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole pipeline as users run it: webhook, gateway, agent and calendar services started from their jars
 * against one embedded KRaft broker; signed sample webhooks in, actions, outcomes and calendar entries out.
 * {@link RedpandaPipelineEndToEndTest} runs the same against a Redpanda container where Docker runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {
    private static final String GITHUB_SECRET = "e2e-github-secret";
    private static final String JIRA_SECRET = "e2e-jira-secret";
    private static final Path SAMPLES = Path.of("..", "samples", "webhooks");
    private static final Path DEFAULT_POLICIES = Path.of("..", "agent-service", "src", "main", "resources", "policies", "default.yml");
    private static final String UNBLOCKER_TITLE = "Unblocker {issue_key} due {due_at}: {title}";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String TEAMS = """
            defaults: {zone: Asia/Tokyo, hours: "10:00-16:00", days: mon-fri}
            people:
              alice: {zone: Europe/Berlin}
            teams:
              platform: {members: []}
              frontend: {members: [alice]}
              triage: {members: []}
            """;

    @TempDir
    static Path workDir;
    private String bootstrapServers;
    private AutoCloseable broker;
    private final StartedServices services = new StartedServices();
    private ServiceProcess webhook;
    private ServiceProcess calendar;
    private ServiceProcess gateway;

    @BeforeAll
    void startSystem() throws Exception {
        bootstrapServers = startBroker();
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);

        // Everyone works 10:00-16:00 in Tokyo, and the unblocker's title is the policy's own: both must reach the calendar.
        String teams = Files.writeString(workDir.resolve("teams.yml"), TEAMS).toString();
        String policies = Files.writeString(workDir.resolve("policies.yml"), Files.readString(DEFAULT_POLICIES)
                .replace("title: \"Unblock: {title}\"", "title: \"" + UNBLOCKER_TITLE + "\"")).toString();
        ServiceProcess agent = start("agent-service", Map.of("AGENT_POLICY_FILE", policies, "BREAKDOWN_TEAMS_FILE", teams));
        calendar = start("calendar-service", Map.of("BREAKDOWN_TEAMS_FILE", teams));
        webhook = start("webhook-service", with(kafka, "GITHUB_WEBHOOK_SECRET", GITHUB_SECRET,
                "JIRA_WEBHOOK_SECRET", JIRA_SECRET));
        gateway = start("gateway-service", with(kafka, "AGENTKIT_URL", agent.url("/run"),
                "CALENDAR_API_BASE", calendar.url("/api"), "BREAKDOWN_TEAMS_FILE", teams));
        services.awaitHealthy();
    }

    /** Starts the broker of this run and returns its bootstrap servers; {@link #broker} stops it. */
    String startBroker() throws Exception {
        EmbeddedKafkaKraftBroker embedded = TestBrokers.single(3);
        broker = embedded::destroy;
        return embedded.getBrokersAsString();
    }

    /** For a subclass whose broker is something else, e.g. a container. */
    void stopBrokerWith(AutoCloseable stop) {
        broker = stop;
    }

    @AfterAll
    void stopSystem() throws Exception {
        services.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void signedSampleWebhooksBecomeTheirActionsOutcomesAndCalendarEntries() throws Exception {
        String p0 = sendGitHub("github-issue-opened-p0-bug.json");
        String frontend = sendGitHub("github-issue-opened-frontend.json");
        String docs = sendGitHub("github-issue-opened-docs.json");
        String overdue = sendJira("jira-issue-updated-overdue.json");
        List<String> eventIds = List.of(p0, frontend, docs, overdue);

        Map<String, List<ConsumerRecord<String, String>>> actions = new HashMap<>();
        Map<String, OutcomeEvent> outcomes = new HashMap<>();
        readUntil(List.of(Topics.ACTIONS, Topics.OUTCOMES), Duration.ofSeconds(120), record -> {
            if (record.topic().equals(Topics.ACTIONS)) {
                ActionEvent a = Json.mapper().readValue(record.value(), ActionEvent.class);
                actions.computeIfAbsent(a.sourceEventId(), k -> new ArrayList<>()).add(record);
            } else {
                OutcomeEvent o = Json.mapper().readValue(record.value(), OutcomeEvent.class);
                outcomes.put(o.actionEventId(), o);
            }
            return eventIds.stream().allMatch(id -> actions.containsKey(id) && actions.get(id).stream()
                    .allMatch(r -> outcomes.containsKey(action(r).eventId())));
        });

        assertSingleAction(actions, p0, "escalate_owner", "team:platform", "github:acme/checkout#123");
        assertSingleAction(actions, frontend, "assign_owner", "owner:alice", "github:acme/web#456");
        assertSingleAction(actions, docs, "post_nudge", "team:triage", "github:acme/docs#77");
        assertSingleAction(actions, overdue, "schedule_unblocker", "owner:Bob Builder", "jira:PROJ-789");

        assertOutcome(outcomes, actions, p0, -0.3);
        assertOutcome(outcomes, actions, frontend, -0.1);
        OutcomeEvent nudgeOutcome = assertOutcome(outcomes, actions, docs, -0.05);
        OutcomeEvent meetingOutcome = assertOutcome(outcomes, actions, overdue, -0.2);

        Meeting meeting = Json.mapper().readValue(
                Http.getOk(calendar.url("/api/meetings/" + calendarId(meetingOutcome))), Meeting.class);
        assertThat(meeting.title()).startsWith("Unblocker PROJ-789 due 2025-10-10")
                .endsWith(": Migrate billing exports to the new warehouse");
        // The assignee (not in the directory: the defaults) works 10:00-16:00 Tokyo time, Monday to Friday.
        assertThat(meeting.attendees()).contains("Bob Builder");
        ZonedDateTime local = meeting.startAt().atZone(TOKYO);
        assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(local.toLocalTime()).isBetween(LocalTime.of(10, 0), LocalTime.of(15, 45));
        assertThat(meeting.scheduling().reason()).contains("Bob Builder 10:00-16:00 Asia/Tokyo");
        assertThat(meeting.durationMin()).isEqualTo(15);
        assertThat(meeting.ics()).endsWith("/api/meetings/" + meeting.id() + ".ics");
        HttpResponse<String> feed = Http.getAnonymous(calendar.url("/api/meetings/" + meeting.id() + ".ics"));
        assertThat(feed.statusCode()).as("the feed is open to calendar apps").isEqualTo(200);
        assertThat(feed.body()).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT");
        HttpResponse<String> anonymous = Http.getAnonymous(calendar.url("/api/meetings/" + meeting.id()));
        assertThat(anonymous.statusCode()).as("the API needs BREAKDOWN_SERVICE_TOKEN, which the gateway sent")
                .isEqualTo(401);
        Nudge nudge = Json.mapper().readValue(Http.getOk(calendar.url("/api/nudges/" + calendarId(nudgeOutcome))), Nudge.class);
        assertThat(nudge.to()).isEqualTo("team:triage");
        assertThat(nudge.message()).contains("Document the new API rate limits");

        // What Prometheus scrapes afterwards: webhook receipt -> outcome commit, one sample per outcome.
        assertThat(latencySamples(Duration.ofSeconds(15), 4)).as("breakdown_pipeline_latency_seconds_count, summed")
                .isGreaterThanOrEqualTo(4);
        assertThat(Http.getOk(gateway.url("/actuator/prometheus")))
                .containsPattern("breakdown_pipeline_latency_seconds_bucket\\{[^}]*policy=\"p0-bug-escalation\"")
                .containsPattern("breakdown_gateway_actions_total\\{[^}]*action=\"schedule_unblocker\"[^}]*result=\"ok\"");
        assertThat(Http.getOk(webhook.url("/actuator/prometheus")))
                .containsPattern("breakdown_webhook_deliveries_total\\{[^}]*source=\"github\"");
    }

    @Test
    void forgedWebhookIsRefusedAndNothingReachesTheIssuesTopic() throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = Files.readAllBytes(SAMPLES.resolve("github-issue-opened-p0-bug.json"));
        HttpResponse<String> answer = Http.postJson(webhook.url("/github/issues"), body, "X-GitHub-Event", "issues",
                "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", Http.signature("not-the-secret", body));
        assertThat(answer.statusCode()).isEqualTo(401);

        String marker = sendGitHub("github-issue-opened-docs.json");
        List<String> seen = new ArrayList<>();
        readUntil(List.of(Topics.ISSUES), Duration.ofSeconds(60), record -> {
            String id = Json.mapper().readValue(record.value(), IssueEvent.class).eventId();
            seen.add(id);
            return id.equals(marker);
        });
        assertThat(seen).as("the valid delivery sent after the forged one arrived").contains(marker);
        assertThat(seen).doesNotContain(delivery);
    }

    /** The gateway's latency samples once they reach {@code expected} (recorded just after each commit), or at the deadline. */
    private long latencySamples(Duration within, long expected) throws Exception {
        Instant deadline = Instant.now().plus(within);
        long samples;
        do {
            samples = Http.getOk(gateway.url("/actuator/prometheus")).lines()
                    .filter(line -> line.startsWith("breakdown_pipeline_latency_seconds_count{"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } while (samples < expected && Instant.now().isBefore(deadline) && sleep(200));
        return samples;
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    private ServiceProcess start(String name, Map<String, String> env) throws Exception {
        return services.start(name, workDir.resolve(name), env);
    }

    private String sendGitHub(String sample) throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = Files.readAllBytes(SAMPLES.resolve(sample));
        return accepted(Http.postJson(webhook.url("/github/issues"), body, "X-GitHub-Event", "issues",
                "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", Http.signature(GITHUB_SECRET, body)), delivery);
    }

    private String sendJira(String sample) throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = Files.readAllBytes(SAMPLES.resolve(sample));
        return accepted(Http.postJson(webhook.url("/jira/webhook"), body, "X-Atlassian-Webhook-Identifier", delivery,
                "X-Hub-Signature", Http.signature(JIRA_SECRET, body)), delivery);
    }

    private static String accepted(HttpResponse<String> answer, String delivery) {
        assertThat(answer.statusCode()).as("answer %s", answer.body()).isEqualTo(202);
        assertThat(Json.mapper().readTree(answer.body()).get("event_id").asString()).isEqualTo(delivery);
        return delivery;
    }

    private static void assertSingleAction(Map<String, List<ConsumerRecord<String, String>>> actions, String eventId,
            String action, String target, String issueKey) {
        assertThat(actions.get(eventId)).as("actions for %s", eventId).hasSize(1);
        ConsumerRecord<String, String> record = actions.get(eventId).get(0);
        assertThat(record.key()).isEqualTo(issueKey);
        ActionEvent event = action(record);
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.target()).isEqualTo(target);
        assertThat(event.projectId()).isEqualTo("alpha");
        assertThat(event.rationale()).isNotBlank();
    }

    /** A meeting's or nudge's outcome detail starts with its calendar id; the write-back's part follows after "; ". */
    private static String calendarId(OutcomeEvent outcome) {
        return outcome.detail().split("; ", 2)[0];
    }

    private static OutcomeEvent assertOutcome(Map<String, OutcomeEvent> outcomes,
            Map<String, List<ConsumerRecord<String, String>>> actions, String eventId, double riskDelta) {
        OutcomeEvent outcome = outcomes.get(action(actions.get(eventId).get(0)).eventId());
        assertThat(outcome.ack()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.riskDelta()).isEqualTo(riskDelta);
        assertThat(outcome.detail()).isNotBlank();
        return outcome;
    }

    private static ActionEvent action(ConsumerRecord<String, String> record) {
        return Json.mapper().readValue(record.value(), ActionEvent.class);
    }

    private void readUntil(List<String> topics, Duration timeout, Predicate<ConsumerRecord<String, String>> done) {
        Properties connection = new Properties();
        connection.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        TopicRecords.readUntil(connection, topics, timeout, done);
    }




    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
