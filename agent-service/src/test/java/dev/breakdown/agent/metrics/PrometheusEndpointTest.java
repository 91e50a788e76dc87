package dev.breakdown.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a Prometheus server scrapes from the agent, over real HTTP: its own meters, tagged with the service name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrometheusEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void scrapeShowsPolicyReloadsRunsAndTheDatabasePool() throws Exception {
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("..", "samples", "events", "p0-bug.json"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain;version=0.0.4"));
        assertThat(scrape.body())
                .contains("breakdown_agent_policy_reload_total{application=\"agent-service\",result=\"ok\"} 0.0")
                .contains("breakdown_agent_policy_reload_total{application=\"agent-service\",result=\"rejected\"} 0.0")
                .containsPattern("http_server_requests_seconds_count\\{application=\"agent-service\",[^}]*method=\"POST\","
                        + "[^}]*status=\"200\",uri=\"/run\"} 1")
                .containsPattern("hikaricp_connections_max\\{application=\"agent-service\"");
    }
}
