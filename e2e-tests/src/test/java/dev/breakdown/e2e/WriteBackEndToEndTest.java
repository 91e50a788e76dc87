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
import tools.jackson.databind.node.ObjectNode;

/**
 * Write-back in live mode through the real services: a signed GitHub {@code issues} webhook labelled frontend becomes
 * the assignment on (a stand-in for) GitHub's REST API exactly once, although the gateway is killed while GitHub is
 * answering it; the {@code assigned} webhook GitHub then sends, made by our own bot, yields no action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteBackEndToEndTest {
    private static final String GITHUB_SECRET = "e2e-writeback-secret";
    private static final String TOKEN = "ghp_e2e_writeback_token";
    private static final String BOT = "breakdown-bot";
    private static final Path SAMPLES = Path.of("..", "samples", "webhooks");
    private static final String ASSIGNEES = "/repos/acme/web/issues/456/assignees";

    @TempDir
    static Path workDir;
    private EmbeddedKafkaKraftBroker broker;
    private GitHubApiStandIn github;
    private final StartedServices services = new StartedServices();
    private ServiceProcess webhook;
    private ServiceProcess gateway;

    @BeforeAll
    void startSystem() throws Exception {
        broker = TestBrokers.single(3);
        github = new GitHubApiStandIn(TOKEN, "acme/web", 456);
        String brokers = broker.getBrokersAsString();
        ServiceProcess agent = services.start("agent-service", workDir.resolve("agent"), Map.of());
        ServiceProcess calendar = services.start("calendar-service", workDir.resolve("calendar"), Map.of());
        webhook = services.start("webhook-service", workDir.resolve("webhook"), Map.of("KAFKA_BOOTSTRAP_SERVERS", brokers,
                "GITHUB_WEBHOOK_SECRET", GITHUB_SECRET, "GITHUB_BOT_LOGIN", BOT));
        Map<String, String> env = new HashMap<>(GatewayEnv.of(brokers, agent, calendar, "writeback-test"));
        env.putAll(Map.of("WRITEBACK_MODE", "live", "GITHUB_API_URL", github.url(), "GITHUB_TOKEN", TOKEN));
        gateway = ServiceProcess.start("gateway-service", workDir.resolve("gateway"), env);
        services.awaitHealthy();
        gateway.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    void stopSystem() throws Exception {
        services.close();
        if (gateway != null) {
            gateway.close();
        }
        if (github != null) {
            github.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void frontendIssueIsAssignedOnGitHubExactlyOnceThoughTheGatewayDiesMidRequest() throws Exception {
        String brokers = broker.getBrokersAsString();
        assertThat(Json.mapper().readTree(Http.getOk(gateway.url("/actuator/info"))).path("writeback").path("mode").asString())
                .isEqualTo("live");
        github.holdFirstAssignment();
        byte[] opened = Files.readAllBytes(SAMPLES.resolve("github-issue-opened-frontend.json"));
        String delivery = send(opened);

        assertThat(github.awaitFirstAssignment(120)).as("the assignment reached GitHub\n%s", gateway.logTail()).isTrue();
        gateway.kill();
        github.release();
        gateway = gateway.restart();
        gateway.awaitHealthy(Duration.ofMinutes(2));

        FlowLedger ledger = FlowLedger.awaitUntil(brokers, Duration.ofSeconds(120), l -> outcomeOf(l, delivery) != null,
                l -> "no outcome for the assignment of " + delivery, gateway::logTail);
        List<ActionEvent> actions = ledger.actions.stream().filter(a -> a.sourceEventId().equals(delivery)).toList();
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("assign_owner");
            assertThat(action.target()).isEqualTo("owner:alice");
        });
        OutcomeEvent outcome = outcomeOf(ledger, delivery);
        assertThat(ledger.outcomes.stream().filter(o -> o.actionEventId().equals(actions.get(0).eventId()))).hasSize(1);
        assertThat(outcome.ack()).isTrue();
        // The restarted gateway redid the event (the killed one never committed it) and found alice assigned.
        assertThat(outcome.detail()).isEqualTo("github: alice already assigned to acme/web#456");
        assertThat(github.received("POST", ASSIGNEES)).singleElement()
                .satisfies(post -> assertThat(post.body()).isEqualTo("{\"assignees\":[\"alice\"]}"));
        assertThat(github.assignees()).containsExactly("alice");

        // GitHub reports our assignment back: made by our bot, it is dropped at intake and yields no action.
        ObjectNode assigned = (ObjectNode) Json.mapper().readTree(opened);
        assigned.put("action", "assigned");
        ((ObjectNode) assigned.path("issue")).putObject("assignee").put("login", "alice");
        assigned.putObject("sender").put("login", BOT).put("type", "Bot");
        String echo = UUID.randomUUID().toString();
        HttpResponse<String> answer = post(Json.mapper().writeValueAsBytes(assigned), echo);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(Json.mapper().readTree(answer.body()).path("status").asString()).isEqualTo("ignored");

        // A person's later event of the issue is processed (the pipeline is alive) and assigns nobody twice.
        ObjectNode labeled = (ObjectNode) Json.mapper().readTree(opened);
        labeled.put("action", "labeled");
        labeled.putObject("sender").put("login", "octocat").put("type", "User");
        String later = send(Json.mapper().writeValueAsBytes(labeled));
        FlowLedger after = FlowLedger.awaitUntil(brokers, Duration.ofSeconds(60), l -> outcomeOf(l, later) != null,
                l -> "no outcome for the later event " + later, gateway::logTail);
        FlowLedger.awaitGroupCaughtUp(brokers, "agent-gw", Topics.ISSUES, Duration.ofSeconds(60), gateway::logTail);
        assertThat(after.actions).noneMatch(a -> a.sourceEventId().equals(echo));
        assertThat(github.received("POST", ASSIGNEES)).hasSize(1);
    }

    private String send(byte[] body) throws Exception {
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> answer = post(body, delivery);
        assertThat(answer.statusCode()).as("answer %s", answer.body()).isEqualTo(202);
        assertThat(Json.mapper().readTree(answer.body()).path("status").asString()).isEqualTo("accepted");
        return delivery;
    }

    private HttpResponse<String> post(byte[] body, String delivery) throws Exception {
        return Http.postJson(webhook.url("/github/issues"), body, "X-GitHub-Event", "issues", "X-GitHub-Delivery",
                delivery, "X-Hub-Signature-256", Http.signature(GITHUB_SECRET, body));
    }

    private static OutcomeEvent outcomeOf(FlowLedger ledger, String issueEventId) {
        List<String> actionIds = ledger.actions.stream().filter(a -> a.sourceEventId().equals(issueEventId))
                .map(ActionEvent::eventId).toList();
        return ledger.outcomes.stream().filter(o -> actionIds.contains(o.actionEventId())).findFirst().orElse(null);
    }
}
