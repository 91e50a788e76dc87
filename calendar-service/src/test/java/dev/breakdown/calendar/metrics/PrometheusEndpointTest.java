package dev.breakdown.calendar.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What a Prometheus server scrapes from the calendar over real HTTP after one nudge went to a Slack stand-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:calendar-metrics;DB_CLOSE_DELAY=-1",
        "breakdown.teams-file=classpath:breakdown/teams.yml"})
class PrometheusEndpointTest {

    static final AtomicInteger SLACK_POSTS = new AtomicInteger();
    static final HttpServer SLACK = slack();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void slackStandIn(DynamicPropertyRegistry registry) {
        registry.add("breakdown.calendar.nudges.slack-webhook-url",
                () -> "http://127.0.0.1:" + SLACK.getAddress().getPort() + "/services/T0/B0/metrics");
    }

    @AfterAll
    static void stop() {
        SLACK.stop(0);
    }

    @Test
    void scrapeShowsNudgeAttemptsByResult() throws Exception {
        HttpResponse<String> nudge = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/nudges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"team:triage\", \"message\": \"Metrics check\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nudge.statusCode()).as(nudge.body()).isEqualTo(201);
        assertThat(SLACK_POSTS).hasValue(1);

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("breakdown_nudges_attempts_total{application=\"calendar-service\",result=\"delivered\"} 1.0")
                .containsPattern("http_server_requests_seconds_count\\{application=\"calendar-service\",[^}]*"
                        + "method=\"POST\",[^}]*status=\"201\",uri=\"/api/nudges\"} 1")
                .containsPattern("hikaricp_connections_max\\{application=\"calendar-service\"");
    }

    private static HttpServer slack() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/services/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    SLACK_POSTS.incrementAndGet();
                    byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, ok.length);
                    exchange.getResponseBody().write(ok);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
