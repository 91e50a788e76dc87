package dev.breakdown.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub's REST API for one issue, as the gateway's write-back uses it: GET the issue, POST its assignees. It
 * records every request, keeps the assignees, and can hold the answer to the first assignment until released (the
 * assignment is made, the caller does not hear so: a crash at that moment).
 */
final class GitHubApiStandIn implements AutoCloseable {

    record Received(String method, String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String token;
    private final String issuePath;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> assignees = new LinkedHashSet<>();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holdFirstAssignment;

    GitHubApiStandIn(String token, String repo, int number) throws IOException {
        this.token = token;
        this.issuePath = "/repos/" + repo + "/issues/" + number;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void holdFirstAssignment() {
        holdFirstAssignment = true;
    }

    boolean awaitFirstAssignment(long seconds) throws InterruptedException {
        return firstAssignment.await(seconds, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    synchronized List<String> assignees() {
        return List.copyOf(assignees);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            exchange.getResponseHeaders().set("X-RateLimit-Remaining", "4999");
            if (!("Bearer " + token).equals(request.authorization())) {
                send(exchange, 401, "{\"message\":\"Bad credentials\"}");
                return;
            }
            if (request.method().equals("GET") && request.path().equals(issuePath)) {
                send(exchange, 200, issue());
            } else if (request.method().equals("POST") && request.path().equals(issuePath + "/assignees")) {
                synchronized (this) {
                    Json.mapper().readTree(request.body()).path("assignees").forEach(a -> assignees.add(a.asString()));
                }
                firstAssignment.countDown();
                if (holdFirstAssignment) {
                    holdFirstAssignment = false;
                    release.await(60, TimeUnit.SECONDS);
                }
                send(exchange, 201, issue());
            } else {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the caller was killed while we held its answer
        }
    }

    private synchronized String issue() {
        ObjectNode issue = Json.mapper().createObjectNode();
        issue.put("state", "open");
        var list = issue.putArray("assignees");
        assignees.forEach(login -> list.addObject().put("login", login));
        return issue.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
