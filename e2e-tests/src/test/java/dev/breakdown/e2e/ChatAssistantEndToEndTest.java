package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.breakdown.contracts.Json;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * A signed webhook through the real services, then a question in chat-web's ChatKit server: the model (a local
 * stand-in of the Chat Completions API, the only fake) calls the {@code recent_actions} tool, and what the tool
 * hands back to it is that issue's action and outcome as the gateway recorded them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatAssistantEndToEndTest {
    private static final String SECRET = "e2e-chat-secret";
    private static final Path SAMPLE = Path.of("..", "samples", "webhooks", "github-issue-opened-p0-bug.json");

    @TempDir
    static Path workDir;
    private EmbeddedKafkaKraftBroker broker;
    private final StartedServices services = new StartedServices();
    private final ToolCallingModel model = new ToolCallingModel();
    private ServiceProcess webhook;
    private ServiceProcess chat;

    @BeforeAll
    void startSystem() throws Exception {
        broker = TestBrokers.single(3);
        String kafka = broker.getBrokersAsString();
        ServiceProcess agent = services.start("agent-service", workDir.resolve("agent"), Map.of());
        ServiceProcess calendar = services.start("calendar-service", workDir.resolve("calendar"), Map.of());
        webhook = services.start("webhook-service", workDir.resolve("webhook"),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "GITHUB_WEBHOOK_SECRET", SECRET));
        services.start("gateway-service", workDir.resolve("gateway"), Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka,
                "AGENTKIT_URL", agent.url("/run"), "CALENDAR_API_BASE", calendar.url("/api")));
        chat = services.start("chat-web", workDir.resolve("chat"), Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka,
                "OPENAI_API_KEY", "sk-e2e", "OPENAI_BASE_URL", model.baseUrl(), "CHAT_MODEL", "e2e-model",
                "AGENT_API_BASE", agent.url(""), "CALENDAR_API_BASE", calendar.url("/api")));
        services.awaitHealthy();
    }

    @AfterAll
    void stopSystem() throws Exception {
        services.close();
        model.close();
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aChatQuestionGetsTheWebhooksIssueActionAndOutcomeThroughTheTool() throws Exception {
        byte[] body = Files.readAllBytes(SAMPLE);
        HttpResponse<String> accepted = Http.postJson(webhook.url("/github/issues"), body, "X-GitHub-Event", "issues",
                "X-GitHub-Delivery", UUID.randomUUID().toString(), "X-Hub-Signature-256", Http.signature(SECRET, body));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        // The gateway acts and chat-web reads the topics asynchronously: ask until the tool sees the outcome.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode entry = null;
        String events = "";
        while (entry == null && Instant.now().isBefore(deadline)) {
            String question = "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\","
                    + "\"text\":\"What happened to checkout#123?\"}],\"attachments\":[],\"inference_options\":{}}}}";
            HttpResponse<String> answer = Http.postJson(chat.url("/chatkit"), question.getBytes(StandardCharsets.UTF_8),
                    "Cookie", "chatkit_session_id=e2e-user");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            events = answer.body();
            JsonNode actions = Json.mapper().readTree(model.lastToolResult()).get("actions");
            if (actions != null && !actions.isEmpty() && actions.get(0).has("outcome")) {
                entry = actions.get(0);
            } else {
                Thread.sleep(1000);
            }
        }

        assertThat(entry).as("the tool's result never held the issue's action with its outcome; last: %s",
                model.lastToolResult()).isNotNull();
        assertThat(entry.get("issue").asString()).isEqualTo("github:acme/checkout#123");
        assertThat(entry.get("action").asString()).isEqualTo("escalate_owner");
        assertThat(entry.get("target").asString()).isEqualTo("team:platform");
        assertThat(entry.get("project").asString()).isEqualTo("alpha");
        assertThat(entry.get("outcome").get("ack").asBoolean()).isTrue();
        assertThat(entry.get("outcome").get("risk_delta").asDouble()).isEqualTo(-0.3);
        assertThat(events).contains("\"type\":\"progress_update\"", "\"type\":\"thread.item.done\"",
                "checkout#123 was escalated to team:platform.");
    }

    /**
     * The Chat Completions stand-in: a question is answered with a {@code recent_actions} tool call (streamed in
     * OpenAI's chunk format), the tool's result with a short text; the last tool result is kept.
     */
    private static final class ToolCallingModel implements AutoCloseable {
        private final HttpServer server;
        private final List<String> toolResults = new CopyOnWriteArrayList<>();

        ToolCallingModel() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/v1/chat/completions", exchange -> {
                JsonNode request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
                JsonNode messages = request.get("messages");
                JsonNode last = messages.get(messages.size() - 1);
                List<String> chunks;
                if ("tool".equals(last.get("role").asString())) {
                    toolResults.add(last.get("content").asString());
                    chunks = List.of(chunk("{\"role\":\"assistant\",\"content\":\"checkout#123 was escalated \"}", null),
                            chunk("{\"content\":\"to team:platform.\"}", null), chunk("{}", "stop"));
                } else {
                    chunks = List.of(chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                                    + "\"id\":\"call_e2e\",\"type\":\"function\",\"function\":{\"name\":\"recent_actions\","
                                    + "\"arguments\":\"{\\\"issue\\\":\"}}]}", null),
                            chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"checkout#123\\\"}\"}}]}", null),
                            chunk("{}", "tool_calls"));
                }
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String chunk : chunks) {
                        out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                }
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        String lastToolResult() {
            return toolResults.isEmpty() ? "{}" : toolResults.get(toolResults.size() - 1);
        }

        private static String chunk(String delta, String finish) {
            return "{\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"created\":1764450000,\"model\":\"e2e-model\","
                    + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                    + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
