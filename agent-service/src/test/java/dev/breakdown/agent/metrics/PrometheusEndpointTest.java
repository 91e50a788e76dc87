package dev.breakdown.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a Prometheus server scrapes from the agent, over real HTTP: its own meters, tagged with the service name; and,
 * with LOG_FORMAT=json, the event id on the line logged while it was decided.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"LOG_FORMAT=json", "logging.level.dev.breakdown.agent.run.RunController=debug"})
@ExtendWith(OutputCaptureExtension.class)
class PrometheusEndpointTest {

    static {
        // Boot sets logging up once until a context closes, and earlier test classes' contexts stay open (cached):
        // without this the JSON format of this context would not take effect.
        LoggingSystem.get(PrometheusEndpointTest.class.getClassLoader()).cleanUp();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void scrapeShowsDecisionsPolicyReloadsRunsAndTheDatabasePool(CapturedOutput output) throws Exception {
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
        // For docker/grafana/check-dashboard.py: every metric the dashboard queries must be in a real scrape.
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape.body());
        assertThat(scrape.body())
                .contains("breakdown_agent_decisions_total{action=\"escalate_owner\",application=\"agent-service\","
                        + "policy=\"p0-bug-escalation\",result=\"made\"} 1.0")
                .contains("breakdown_agent_policy_reload_total{application=\"agent-service\",result=\"ok\"} 0.0")
                .contains("breakdown_agent_policy_reload_total{application=\"agent-service\",result=\"rejected\"} 0.0")
                .containsPattern("http_server_requests_seconds_count\\{application=\"agent-service\",[^}]*method=\"POST\","
                        + "[^}]*status=\"200\",uri=\"/run\"} 1")
                .containsPattern("hikaricp_connections_max\\{application=\"agent-service\"");

        String decided = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("decided: escalate_owner"))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON line of the decision in:\n" + output));
        assertThat(JsonPath.parse(decided).read("$.event_id", String.class)).isEqualTo("3f1b6a2e-7c1d-11f0-8e2a-1a2b3c4d5e6f");
    }
}
