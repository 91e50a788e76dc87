package dev.breakdown.gateway.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What the GitHub and Jira stand-ins share: a local HTTP server that records every request (method, path and query,
 * the headers that matter, body) and can answer planned errors with headers, e.g. a 429 with Retry-After.
 */
public abstract class TrackerStandIn implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String path, String query, String authorization, String accept,
                           String apiVersion, String body, long atNanos) {

        public JsonNode json() {
            return body == null || body.isEmpty() ? MissingNode.getInstance() : Json.mapper().readTree(body);
        }

        public boolean is(String method, String pathSuffix) {
            return this.method.equals(method) && path.endsWith(pathSuffix);
        }
    }

    /** An error to answer instead of the real thing, for requests the predicate picks. */
    private record Planned(Predicate<Received> when, int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Planned> planned = new ArrayDeque<>();
    private volatile Planned always;

    protected TrackerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a tracker stand-in", e);
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String method, String pathSuffix) {
        return received.stream().filter(r -> r.is(method, pathSuffix)).toList();
    }

    /** Only the requests that change something (not GET). */
    public List<Received> writes() {
        return received.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    /** The next {@code times} requests the predicate picks are answered with this status, headers and JSON body. */
    public synchronized void answerNext(Predicate<Received> when, int times, int status, Map<String, String> headers,
            String body) {
        for (int i = 0; i < times; i++) {
            planned.add(new Planned(when, status, headers, body));
        }
    }

    /** Every request the predicate picks is answered so, until {@link #reset()}. */
    public void answerAlways(Predicate<Received> when, int status, Map<String, String> headers, String body) {
        always = new Planned(when, status, headers, body);
    }

    public synchronized void reset() {
        received.clear();
        planned.clear();
        always = null;
        resetState();
    }

    protected abstract void resetState();

    /** Answers a request the planned errors did not take. */
    protected abstract void handle(Received request, HttpExchange exchange) throws IOException;

    /** Headers every answer carries (rate-limit quota). */
    protected void commonHeaders(HttpExchange exchange) {
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
            received.add(request);
            commonHeaders(exchange);
            Planned error = plannedFor(request);
            if (error != null) {
                error.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                send(exchange, error.status(), error.body());
                return;
            }
            handle(request, exchange);
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"message\":\"stand-in failed: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private synchronized Planned plannedFor(Received request) {
        for (Planned p : planned) {
            if (p.when().test(request)) {
                planned.remove(p);
                return p;
            }
        }
        Planned forever = always;
        return forever != null && forever.when().test(request) ? forever : null;
    }

    protected static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0]
                : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    protected static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
