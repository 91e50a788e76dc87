package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * GitHub redelivers with the same X-GitHub-Delivery, Jira retries with the same X-Atlassian-Webhook-Identifier:
 * intake stores every delivery, and the gateway's processed-events store makes sure the second one leads to
 * nothing downstream. Real services from their jars, one embedded broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedeliveryIsProcessedOnceTest {
    private static final String GITHUB_SECRET = "e2e-github-secret";
    private static final String JIRA_SECRET = "e2e-jira-secret";
    private static final Path SAMPLES = Path.of("..", "samples", "webhooks");

    @TempDir
    static Path workDir;
    private EmbeddedKafkaKraftBroker broker;
    private final StartedServices services = new StartedServices();
    private ServiceProcess webhook;
    private ServiceProcess calendar;
    private ServiceProcess gateway;

    @BeforeAll
    void startSystem() throws Exception {
        broker = TestBrokers.single(3);
        String brokers = broker.getBrokersAsString();
        ServiceProcess agent = start("agent-service", Map.of());
        calendar = start("calendar-service", Map.of());
        webhook = start("webhook-service", Map.of("KAFKA_BOOTSTRAP_SERVERS", brokers,
                "GITHUB_WEBHOOK_SECRET", GITHUB_SECRET, "JIRA_WEBHOOK_SECRET", JIRA_SECRET));
        gateway = start("gateway-service", GatewayEnv.of(brokers, agent, calendar, "redelivery-test"));
        services.awaitHealthy();
    }

    @AfterAll
    void stopSystem() throws Exception {
        services.close();
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void redeliveredGitHubWebhookYieldsOneActionOneOutcomeAndOneNudge() throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = Files.readAllBytes(SAMPLES.resolve("github-issue-opened-docs.json"));
        String[] headers = {"X-GitHub-Event", "issues", "X-GitHub-Delivery", delivery, "X-GitHub-Hook-ID", "4242",
                "X-Hub-Signature-256", Http.signature(GITHUB_SECRET, body)};

        assertAccepted(post("/github/issues", body, headers));
        assertAccepted(post("/github/issues", body, headers));

        FlowLedger ledger = awaitProcessed(delivery);
        ActionEvent action = assertExactlyOneActionAndOutcome(ledger, delivery, "post_nudge");
        assertThat(calendarList("/api/nudges?limit=1000")).as("nudges").hasSize(1);
        // The detail starts with the nudge's id; the write-back's part follows after "; ".
        assertThat(outcomeOf(ledger, action).detail()).startsWith(calendarList("/api/nudges?limit=1000").get(0).get("id").asString() + "; ");
    }

    @Test
    void retriedJiraWebhookYieldsOneActionOneOutcomeAndOneMeeting() throws Exception {
        String identifier = UUID.randomUUID().toString();
        byte[] body = Files.readAllBytes(SAMPLES.resolve("jira-issue-updated-overdue.json"));
        String signature = Http.signature(JIRA_SECRET, body);

        assertAccepted(post("/jira/webhook", body, "X-Atlassian-Webhook-Identifier", identifier,
                "X-Hub-Signature", signature));
        assertAccepted(post("/jira/webhook", body, "X-Atlassian-Webhook-Identifier", identifier,
                "X-Atlassian-Webhook-Retry", "1", "X-Hub-Signature", signature));

        FlowLedger ledger = awaitProcessed(identifier);
        ActionEvent action = assertExactlyOneActionAndOutcome(ledger, identifier, "schedule_unblocker");
        assertThat(calendarList("/api/meetings?limit=1000")).as("meetings").hasSize(1);
        assertThat(outcomeOf(ledger, action).detail())
                .startsWith(calendarList("/api/meetings?limit=1000").get(0).get("id").asString() + "; ");
    }

    /** Waits for the event's outcome, then until the gateway has committed every issues record, copies included. */
    private FlowLedger awaitProcessed(String eventId) throws Exception {
        String brokers = broker.getBrokersAsString();
        FlowLedger.awaitUntil(brokers, Duration.ofSeconds(90), l -> l.complete(List.of(eventId)),
                l -> "no action and outcome for event " + eventId, gateway::logTail);
        FlowLedger.awaitGroupCaughtUp(brokers, "agent-gw", Topics.ISSUES, Duration.ofSeconds(60), gateway::logTail);
        return FlowLedger.read(brokers);
    }

    private static ActionEvent assertExactlyOneActionAndOutcome(FlowLedger ledger, String eventId, String expected) {
        List<ActionEvent> actions = ledger.actionsBySourceEvent().get(eventId);
        assertThat(actions).as("actions for event %s", eventId).hasSize(1);
        ActionEvent action = actions.get(0);
        assertThat(action.action()).isEqualTo(expected);
        assertThat(ledger.outcomes.stream().filter(o -> o.actionEventId().equals(action.eventId())).toList())
                .as("outcomes of action %s", action.eventId()).hasSize(1);
        return action;
    }

    private static OutcomeEvent outcomeOf(FlowLedger ledger, ActionEvent action) {
        OutcomeEvent outcome = ledger.outcomes.stream().filter(o -> o.actionEventId().equals(action.eventId()))
                .findFirst().orElseThrow();
        assertThat(outcome.ack()).as("outcome %s", outcome).isTrue();
        return outcome;
    }

    private static void assertAccepted(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("answer %s", answer.body()).isBetween(200, 299);
    }

    private HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        return Http.postJson(webhook.url(path), body, headers);
    }

    private List<tools.jackson.databind.JsonNode> calendarList(String path) throws Exception {
        return Http.getList(calendar.url(path));
    }


    private ServiceProcess start(String name, Map<String, String> env) throws Exception {
        return services.start(name, workDir.resolve(name), new HashMap<>(env));
    }
}
