package dev.breakdown.chatweb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for OpenAI's Chat Completions API ({@code POST /v1/chat/completions} with {@code stream: true}):
 * answers each request with the next scripted reply as server-sent chunks in OpenAI's documented format, an HTTP
 * error, or silence; records every request it received.
 */
public final class StandInChatModel implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public StandInChatModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL as OPENAI_BASE_URL takes it, ending in /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void reset() {
        replies.clear();
        received.clear();
    }

    /** The next request gets this text, streamed in the given pieces, then usage. */
    public void answerText(String... pieces) {
        List<String> chunks = new ArrayList<>();
        chunks.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String piece : pieces) {
            chunks.add(chunk("{\"content\":" + JSON.writeValueAsString(piece) + "}", null));
        }
        chunks.add(chunk("{}", "stop"));
        chunks.add("{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":1764450000,"
                + "\"model\":\"stand-in\",\"choices\":[],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":7,"
                + "\"total_tokens\":49}}");
        replies.add(new Reply(200, chunks, Duration.ZERO, Duration.ZERO));
    }

    /** The next request gets one tool call whose arguments arrive split over several chunks, as OpenAI sends them. */
    public void callTool(String callId, String name, String arguments) {
        List<String> chunks = new ArrayList<>();
        chunks.add(chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"" + callId
                + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"\"}}]}", null));
        int third = Math.max(1, arguments.length() / 3);
        for (int i = 0; i < arguments.length(); i += third) {
            String part = arguments.substring(i, Math.min(arguments.length(), i + third));
            chunks.add(chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + JSON.writeValueAsString(part)
                    + "}}]}", null));
        }
        chunks.add(chunk("{}", "tool_calls"));
        replies.add(new Reply(200, chunks, Duration.ZERO, Duration.ZERO));
    }

    /** The next request gets an HTTP error with OpenAI's error body. */
    public void fail(int status, String message) {
        replies.add(new Reply(status, List.of("{\"error\":{\"message\":" + JSON.writeValueAsString(message)
                + ",\"type\":\"test_error\",\"code\":null}}"), Duration.ZERO, Duration.ZERO));
    }

    /** The next request gets this text, one piece every {@code gap}, as a slow model streams. */
    public void answerSlowly(Duration gap, String... pieces) {
        answerText(pieces);
        Reply last = replies.stream().reduce((a, b) -> b).orElseThrow();
        replies.remove(last);
        replies.add(new Reply(last.status(), last.chunks(), Duration.ZERO, gap));
    }

    /** The next request is answered only after {@code delay}. */
    public void answerAfter(Duration delay, String text) {
        answerText(text);
        Reply last = replies.stream().reduce((a, b) -> b).orElseThrow();
        replies.remove(last);
        replies.add(new Reply(last.status(), last.chunks(), delay, Duration.ZERO));
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":1764450000,"
                + "\"model\":\"stand-in\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body.isEmpty() ? null : JSON.readTree(body)));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = new Reply(500, List.of("{\"error\":{\"message\":\"no reply scripted\",\"type\":\"test\"}}"), Duration.ZERO,
                    Duration.ZERO);
        }
        pause(reply.delay());
        try (OutputStream out = exchange.getResponseBody()) {
            if (reply.status() != 200) {
                byte[] bytes = reply.chunks().get(0).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                out.write(bytes);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            for (String chunk : reply.chunks()) {
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                pause(reply.gap());
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientLeft) {
            // the app gave up waiting (time-out tests); nothing to answer
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public record Received(String method, String path, String authorization, JsonNode body) {
    }

    private record Reply(int status, List<String> chunks, Duration delay, Duration gap) {
    }
}
