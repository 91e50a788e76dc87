package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every service and the scripts' tools against a broker that requires SASL/SCRAM-SHA-512 over TLS, configured
 * only through the documented variables: KAFKA_BOOTSTRAP_SERVERS, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME,
 * KAFKA_SASL_PASSWORD and KAFKA_CA_CERT (a PEM file of the CA made for this run). The processes are started once
 * for the class; a second webhook-service with a wrong password shows what a user sees then.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaEndToEndTest {
    private static final String SECRET = "e2e-secured-secret";
    private static final String WRONG_PASSWORD = "not-the-scram-password";
    private static final Path SAMPLE = Path.of("..", "samples", "webhooks", "github-issue-opened-p0-bug.json");
    private static final Path SAMPLE_EVENT = Path.of("..", "samples", "events", "p0-bug.json");
    private static final Path TOOLS_JAR = Path.of("..", "local-broker", "target", "local-broker.jar");
    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path workDir;
    private SecuredBroker broker;
    private final StartedServices services = new StartedServices();
    private final List<ServiceProcess> kafkaServices = new ArrayList<>();
    private ServiceProcess agent;
    private ServiceProcess calendar;
    private ServiceProcess webhook;
    private ServiceProcess chat;
    private ServiceProcess wrongPassword;

    @BeforeAll
    void startSystem() throws Exception {
        broker = SecuredBroker.start(workDir.resolve("broker"), 3);
        Map<String, String> kafka = broker.env(broker.password);
        // Agent and calendar do not talk to Kafka, but users set the variables for every service: they must start.
        agent = services.start("agent-service", workDir.resolve("agent"), kafka);
        calendar = services.start("calendar-service", workDir.resolve("calendar"), kafka);
        webhook = services.start("webhook-service", workDir.resolve("webhook"), with(kafka, "GITHUB_WEBHOOK_SECRET", SECRET));
        ServiceProcess gateway = services.start("gateway-service", workDir.resolve("gateway"), with(kafka,
                "AGENTKIT_URL", agent.url("/run"), "CALENDAR_API_BASE", calendar.url("/api")));
        chat = services.start("chat-web", workDir.resolve("chat"), with(kafka,
                "AGENT_API_BASE", agent.url(""), "CALENDAR_API_BASE", calendar.url("/api")));
        kafkaServices.addAll(List.of(webhook, gateway, chat));
        wrongPassword = ServiceProcess.start("webhook-service", workDir.resolve("webhook-wrong"),
                with(broker.env(WRONG_PASSWORD), "GITHUB_WEBHOOK_SECRET", SECRET));
        services.awaitHealthy();
    }

    @AfterAll
    void stopSystem() throws Exception {
        if (wrongPassword != null) {
            wrongPassword.close();
        }
        services.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aSignedWebhookBecomesItsActionAndOutcomeOverScramAndTls() throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = Files.readAllBytes(SAMPLE);
        HttpResponse<String> answer = Http.postJson(webhook.url("/github/issues"), body, "X-GitHub-Event", "issues",
                "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", Http.signature(SECRET, body));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

        List<ActionEvent> actions = new ArrayList<>();
        List<OutcomeEvent> outcomes = new ArrayList<>();
        readUntil(List.of(Topics.ACTIONS, Topics.OUTCOMES), record -> {
            if (record.topic().equals(Topics.ACTIONS)) {
                ActionEvent action = Json.mapper().readValue(record.value(), ActionEvent.class);
                if (action.sourceEventId().equals(delivery)) {
                    actions.add(action);
                }
            } else {
                outcomes.add(Json.mapper().readValue(record.value(), OutcomeEvent.class));
            }
            return !actions.isEmpty() && outcomes.stream().anyMatch(o -> o.actionEventId().equals(actions.get(0).eventId()));
        });

        assertThat(actions).as("actions of the webhook's event").hasSize(1);
        assertThat(actions.get(0).action()).isEqualTo("escalate_owner");
        assertThat(actions.get(0).target()).isEqualTo("team:platform");
        OutcomeEvent outcome = outcomes.stream().filter(o -> o.actionEventId().equals(actions.get(0).eventId()))
                .findFirst().orElseThrow();
        assertThat(outcome.ack()).as("outcome %s", outcome).isTrue();
    }

    @Test
    void everyKafkaServiceIsReadyWithItsKafkaCheckUpAndTheOthersStartWithTheSameVariables() throws Exception {
        for (ServiceProcess service : kafkaServices) {
            HttpResponse<String> readiness = Http.get(service.url("/actuator/health/readiness"));
            assertThat(readiness.statusCode()).as("%s readiness: %s", service.name, readiness.body()).isEqualTo(200);
            JsonNode health = Json.mapper().readTree(readiness.body());
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("kafka").path("status").asString())
                    .as("%s readiness: %s", service.name, readiness.body()).isEqualTo("UP");
        }
        for (ServiceProcess service : List.of(agent, calendar)) {
            assertThat(Http.get(service.url("/actuator/health/readiness")).statusCode()).as(service.name).isEqualTo(200);
        }
    }

    @Test
    void chatTelemetryIsStoredOverScramAndTls() throws Exception {
        String user = "secured-" + UUID.randomUUID();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(chat.url("/api/telemetry")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Cookie", "chatkit_session_id=" + user)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"chatkit.response.start\",\"thread_id\":\"thr_s\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        List<String> values = new ArrayList<>();
        readUntil(List.of(Topics.CHATKIT_TELEMETRY), record -> {
            if (user.equals(record.key())) {
                values.add(record.value());
            }
            return !values.isEmpty();
        });
        assertThat(values).singleElement().asString().contains("chatkit.response.start", "thr_s");
    }

    @Test
    void theScriptsAndTheirToolsWorkWithTheSameVariables() throws Exception {
        Map<String, String> kafka = broker.env(broker.password);

        ToolRun topics = script(kafka, "setup-topics.sh");
        assertThat(topics.exit()).as(topics.output()).isZero();
        assertThat(topics.output()).containsPattern("(?m)^issues\\s+exists").containsPattern("(?m)^outcomes\\s+exists");

        ToolRun publish = script(kafka, "publish.sh", "--topic", Topics.ISSUES,
                "--file", SAMPLE_EVENT.toAbsolutePath().toString());
        assertThat(publish.exit()).as(publish.output()).isZero();
        assertThat(publish.output()).contains("published").contains("to " + Topics.ISSUES + "-")
                .contains("key=github:acme/checkout#123");

        String eventId = Json.mapper().readTree(Files.readString(SAMPLE_EVENT)).path("event_id").asString();
        ToolRun consume = script(kafka, "consume.sh", "--topic", Topics.ISSUES, "--timeout", "3");
        assertThat(consume.exit()).as(consume.output()).isZero();
        assertThat(consume.output()).contains("github:acme/checkout#123\t").contains(eventId);

        // status.sh also asks the services on their standard ports; its Kafka half is the tool's status.
        ToolRun status = tool(kafka, "status");
        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(status.output()).contains("Kafka " + broker.bootstrapServers() + ": 1 broker(s)")
                .containsPattern("(?m)^issues\\s+3\\s").contains("Consumer group agent-gw");
    }

    @Test
    void aWrongPasswordIsNamedAsSuchAndNeverShown() throws Exception {
        // The service starts (its liveness is UP, nothing restarts it) but is not ready: its kafka check is DOWN.
        awaitLive(wrongPassword);
        HttpResponse<String> readiness = awaitReadinessAnswer(wrongPassword, 503);
        JsonNode health = Json.mapper().readTree(readiness.body());
        assertThat(health.path("status").asString()).isEqualTo("DOWN");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("DOWN");

        byte[] body = Files.readAllBytes(SAMPLE);
        HttpResponse<String> answer = Http.postJson(wrongPassword.url("/github/issues"), body, "X-GitHub-Event", "issues",
                "X-GitHub-Delivery", UUID.randomUUID().toString(), "X-Hub-Signature-256", Http.signature(SECRET, body));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);

        String log = Files.readString(workDir.resolve("webhook-wrong").resolve("webhook-service.log"));
        assertThat(log).as("the log names the failed SCRAM login")
                .contains("Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512");
        assertThat(log).doesNotContain(WRONG_PASSWORD);

        ToolRun status = tool(broker.env(WRONG_PASSWORD), "status");
        assertThat(status.exit()).as(status.output()).isEqualTo(1);
        assertThat(status.output()).contains("local-broker status: Kafka at " + broker.bootstrapServers()
                + ": Authentication failed during authentication due to invalid credentials with SASL mechanism "
                + "SCRAM-SHA-512").doesNotContain(WRONG_PASSWORD).doesNotContain("\tat ");
    }

    @Test
    void aToolWithAnIncompleteSettingNamesTheMissingVariable() throws Exception {
        Map<String, String> env = new HashMap<>(broker.env(broker.password));
        env.remove("KAFKA_SASL_PASSWORD");

        ToolRun status = tool(env, "status");

        assertThat(status.exit()).as(status.output()).isEqualTo(2);
        assertThat(status.output().strip()).isEqualTo("local-broker status: SASL needs both KAFKA_SASL_USERNAME and "
                + "KAFKA_SASL_PASSWORD (or their REDPANDA_/PANDA_CLOUD_ aliases); the password is missing");
    }

    private record ToolRun(int exit, String output) {
    }

    /** local-broker.jar's client commands, as scripts/lib.sh runs them, with these variables. */
    private static ToolRun tool(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TOOLS_JAR.toString()));
        command.addAll(List.of(args));
        return run(env, command);
    }

    /** One of scripts/, as a user runs it (the environment wins over .env and the generated secrets). */
    private static ToolRun script(Map<String, String> env, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(args));
        Map<String, String> withJava = new HashMap<>(env);
        withJava.put("JAVA_HOME", System.getProperty("java.home"));
        return run(withJava, command);
    }

    private static ToolRun run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only this test's Kafka settings, none inherited from whoever runs the build.
        builder.environment().keySet().removeIf(name -> name.matches("(KAFKA|REDPANDA|PANDA_CLOUD)_.*"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new ToolRun(process.exitValue(), output);
    }

    private static void awaitLive(ServiceProcess service) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("%s is running:\n%s", service.name, service.logTail()).isTrue();
            try {
                if (Http.get(service.url("/actuator/health/liveness")).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(service.name + " not live after 3 minutes:\n" + service.logTail());
    }

    private static HttpResponse<String> awaitReadinessAnswer(ServiceProcess service, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> readiness = Http.get(service.url("/actuator/health/readiness"));
        while (readiness.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            readiness = Http.get(service.url("/actuator/health/readiness"));
        }
        assertThat(readiness.statusCode()).as("%s readiness: %s", service.name, readiness.body()).isEqualTo(status);
        return readiness;
    }

    /** Reads the topics from the beginning with the test's own SCRAM/TLS consumer until {@code done} says so. */
    private void readUntil(List<String> topics, Predicate<ConsumerRecord<String, String>> done) {
        assertThat(TopicRecords.readUntil(broker.clientProperties(), topics, Duration.ofSeconds(120), done))
                .as("found on %s within 120 s", topics).isTrue();
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
