package dev.breakdown.gateway.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.contracts.agent.RunResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local agent speaking the POST /run contract. Per issue event_id it answers planned error statuses first,
 * then 200 with the planned decisions (none if nothing was planned), and counts the calls it got.
 */
public final class AgentStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, List<Decision>> decisions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> errorsFirst = new ConcurrentHashMap<>();
    private final Map<String, Integer> errorAlways = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Duration> slowFirst = new ConcurrentHashMap<>();

    private AgentStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/run", this::run);
        server.setExecutor(executor);
        server.start();
    }

    public static AgentStandIn start() {
        try {
            return new AgentStandIn();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the agent stand-in", e);
        }
    }

    public String runUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/run";
    }

    public void decide(String eventId, Decision... planned) {
        decisions.put(eventId, List.of(planned));
    }

    public void answerFirst(String eventId, int status, int times) {
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < times; i++) {
            queue.add(status);
        }
        errorsFirst.put(eventId, queue);
    }

    /** The first call for this event waits this long before answering, to outlast the caller's read timeout. */
    public void answerSlowlyFirst(String eventId, Duration delay) {
        slowFirst.put(eventId, delay);
    }

    public void answerAlways(String eventId, int status) {
        errorAlways.put(eventId, status);
    }

    public int callsFor(String eventId) {
        AtomicInteger count = calls.get(eventId);
        return count == null ? 0 : count.get();
    }

    private void run(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "method_not_allowed", "message", "use POST"));
                return;
            }
            IssueEvent event = Json.mapper().readValue(exchange.getRequestBody().readAllBytes(), IssueEvent.class);
            calls.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            Duration delay = slowFirst.remove(event.eventId());
            if (delay != null) {
                sleep(delay);
            }
            Integer status = nextError(event.eventId());
            if (status != null) {
                respond(exchange, status, Map.of("error", "stand_in", "message", "planned answer " + status));
                return;
            }
            respond(exchange, 200, new RunResponse(event.eventId(), decisions.getOrDefault(event.eventId(), List.of())));
        }
    }

    private Integer nextError(String eventId) {
        Integer always = errorAlways.get(eventId);
        if (always != null) {
            return always;
        }
        Deque<Integer> queue = errorsFirst.get(eventId);
        synchronized (this) {
            return queue == null ? null : queue.poll();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "AgentStandIn" + Arrays.asList(runUrl()) + " calls=" + calls;
    }
}
