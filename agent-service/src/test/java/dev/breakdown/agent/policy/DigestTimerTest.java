package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.breakdown.agent.MutableClock;
import dev.breakdown.agent.nudge.DigestProperties;
import dev.breakdown.agent.nudge.DigestTimer;
import dev.breakdown.agent.nudge.NudgeThrottle;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.platform.servicetoken.ServiceToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Held nudges reach their target as one digest when the window ends, through a local stand-in for calendar-service. */
class DigestTimerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-20T12:05:00Z"));
    private final PolicyHarness policies = PolicyHarness.of("""
            notifications: {max: 1, per: 1h}
            teams: {triage: }
            rules:
              - name: nudge
                then: {post_nudge: {team: triage, message: "{title}"}}
            """, clock);
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private static final String TOKEN = "digest-test-token-0123456789";
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private final HttpServer calendar = calendar();
    private final DigestTimer timer = new DigestTimer(new NudgeThrottle(policies.jdbc), policies.store,
            new DigestProperties("http://127.0.0.1:" + calendar.getAddress().getPort() + "/api", Duration.ZERO),
            RestClient.builder(), ServiceToken.of(TOKEN), clock);

    private HttpServer calendar() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/nudges", exchange -> {
                try (exchange) {
                    bodies.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
                    keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    byte[] answer = "{\"id\": \"n-1\", \"status\": \"sent\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status.get(), answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        calendar.stop(0);
    }

    private static IssueEvent event(int n) {
        return issue().eventId("e-" + n).issueNumber(n).title("Issue " + n).build();
    }

    private void holdTwo() {
        policies.run(event(1));
        policies.run(event(2));
        assertThat(policies.run(event(3))).isEmpty();
        assertThat(policies.run(event(4))).isEmpty();
    }

    @Test
    void heldNudgesAreSentAsOneDigestWhenTheWindowEnds() {
        holdTwo();
        assertThat(timer.sendDue()).as("the window has not ended").isZero();

        clock.advance(Duration.ofHours(1));

        assertThat(timer.sendDue()).isEqualTo(1);
        assertThat(bodies).singleElement().satisfies(body -> {
            assertThat(body.get("to").asString()).isEqualTo("team:triage");
            assertThat(body.get("message").asString()).isEqualTo(
                    "Digest: 2 nudges for team:triage were held while the limit was reached:\n- Issue 3\n- Issue 4");
        });
        assertThat(keys.get(0)).startsWith("digest:");
        assertThat(authorizations).as("calendar's API needs BREAKDOWN_SERVICE_TOKEN").containsExactly("Bearer " + TOKEN);
        assertThat(timer.sendDue()).as("sent once").isZero();
        List<String> next = policies.run(event(5)).stream().map(Decision::message).toList();
        assertThat(next).as("the next nudge carries no second digest").containsExactly("Issue 5");
    }

    @Test
    void digestThatCannotBeSentIsTriedAgainWithTheSameKey() {
        holdTwo();
        clock.advance(Duration.ofHours(1));
        status.set(503);

        assertThat(timer.sendDue()).isZero();
        status.set(201);
        assertThat(timer.sendDue()).isEqualTo(1);

        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
    }
}
