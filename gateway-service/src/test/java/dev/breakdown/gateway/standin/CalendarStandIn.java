package dev.breakdown.gateway.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.MeetingRequest;
import dev.breakdown.contracts.calendar.Nudge;
import dev.breakdown.contracts.calendar.NudgeRequest;
import dev.breakdown.contracts.calendar.Scheduling;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A local calendar-service speaking POST /api/meetings and /api/nudges. It records every request with its
 * Idempotency-Key, answers the same id for the same key, and answers planned error statuses for targets told to
 * fail (always, or only the first few times).
 */
public final class CalendarStandIn implements AutoCloseable {

    /** One request as the stand-in received it. */
    public record Received(String path, String idempotencyKey, MeetingRequest meeting, NudgeRequest nudge) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> alwaysFailing = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> failingFirst = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private CalendarStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/meetings", this::meetings);
        server.createContext("/api/nudges", this::nudges);
        server.setExecutor(executor);
        server.start();
    }

    public static CalendarStandIn start() {
        try {
            return new CalendarStandIn();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the calendar stand-in", e);
        }
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Requests naming this target (nudge to, meeting participant) are answered with 500. */
    public void failFor(String target) {
        answerFor(target, 500);
    }

    /** Requests naming this target are always answered with this error status. */
    public void answerFor(String target, int status) {
        alwaysFailing.put(target, status);
    }

    /** The first {@code times} requests naming this target are answered with this error status. */
    public void answerFirst(String target, int status, int times) {
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < times; i++) {
            queue.add(status);
        }
        failingFirst.put(target, queue);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void meetings(HttpExchange exchange) throws IOException {
        try (exchange) {
            MeetingRequest request = Json.mapper().readValue(exchange.getRequestBody().readAllBytes(), MeetingRequest.class);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.add(new Received(exchange.getRequestURI().getPath(), key, request, null));
            Integer error = plannedError(request.participants().stream());
            if (error != null) {
                fail(exchange, error);
                return;
            }
            String id = idsByKey.computeIfAbsent(key == null ? "no-key-" + sequence.get() : key,
                    k -> "mtg-" + sequence.incrementAndGet());
            Instant start = Instant.parse("2030-01-07T09:00:00Z");
            AgentStandIn.respond(exchange, 201, new Meeting(id, request.title(), request.participants(),
                    request.participants(), start, request.durationMin(), "scheduled", 0, request.issue(),
                    new Scheduling(null, "stand-in"), "http://calendar.invalid/api/meetings/" + id + ".ics",
                    Instant.now(), Instant.now()));
        }
    }

    private void nudges(HttpExchange exchange) throws IOException {
        try (exchange) {
            NudgeRequest request = Json.mapper().readValue(exchange.getRequestBody().readAllBytes(), NudgeRequest.class);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.add(new Received(exchange.getRequestURI().getPath(), key, null, request));
            Integer error = plannedError(Stream.of(request.to()));
            if (error != null) {
                fail(exchange, error);
                return;
            }
            String id = idsByKey.computeIfAbsent(key == null ? "no-key-" + sequence.get() : key,
                    k -> "ndg-" + sequence.incrementAndGet());
            AgentStandIn.respond(exchange, 201,
                    new Nudge(id, request.to(), request.message(), request.priority(), request.link(), "sent",
                            "slack:" + request.to(), null, 1, Instant.now(), Instant.now()));
        }
    }

    private Integer plannedError(Stream<String> targets) {
        for (String target : targets.toList()) {
            Integer always = alwaysFailing.get(target);
            if (always != null) {
                return always;
            }
            Deque<Integer> first = failingFirst.get(target);
            if (first != null) {
                synchronized (first) {
                    Integer next = first.poll();
                    if (next != null) {
                        return next;
                    }
                }
            }
        }
        return null;
    }

    private static void fail(HttpExchange exchange, int status) throws IOException {
        String message = status >= 500 ? "calendar stand-in is down" : "calendar stand-in refuses this request";
        AgentStandIn.respond(exchange, status, Map.of("error", "planned", "status", status, "detail", message));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
