package dev.breakdown.calendar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Slack incoming webhooks: POST {"text": ...} to any path; answers 200 "ok" unless answers were
 * planned for that path (status, body, Retry-After), as Slack does ("no_service" with 404, 429 with Retry-After).
 */
public final class SlackStandIn implements AutoCloseable {

    /** One planned answer. */
    public record Answer(int status, String body, String retryAfter) {

        public static Answer ok() {
            return new Answer(200, "ok", null);
        }
    }

    /** One request the stand-in received. */
    public record Received(String path, String text, Instant at) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> planned = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public SlackStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers for a path, in order; afterwards 200. */
    public void plan(String path, Answer... answers) {
        planned.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** The answer for a path until told otherwise (null: back to 200). */
    public void always(String path, Answer answer) {
        if (answer == null) {
            always.remove(path);
        } else {
            always.put(path, answer);
        }
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String text = Json.mapper().readTree(exchange.getRequestBody().readAllBytes()).get("text").asString();
            received.add(new Received(path, text, Instant.now()));
            Answer answer = always.get(path);
            if (answer == null) {
                Deque<Answer> queue = planned.get(path);
                synchronized (this) {
                    answer = queue == null || queue.isEmpty() ? Answer.ok() : queue.poll();
                }
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Waits up to {@code seconds} for a condition, checking every 50 ms. */
    public static void await(int seconds, java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + seconds + " s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static List<String> texts(List<Received> received) {
        List<String> texts = new ArrayList<>();
        received.forEach(r -> texts.add(r.text()));
        return texts;
    }
}
