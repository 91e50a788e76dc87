package dev.breakdown.chatweb.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.LiveChatWebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a Prometheus server scrapes from chat-web over real HTTP after one telemetry event went to Kafka. */
class PrometheusEndpointTest extends LiveChatWebTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void scrapeShowsTelemetrySendsAndRequests() throws Exception {
        HttpResponse<String> telemetry = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/telemetry"))
                .header("Content-Type", "application/json").header("Cookie", "chatkit_session_id=metrics-user")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"chatkit.response.start\",\"thread_id\":\"thr_m\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(telemetry.statusCode()).as(telemetry.body()).isEqualTo(200);

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("spring_kafka_template_seconds_count\\{application=\"chat-web\",[^}]*"
                        + "result=\"success\"[^}]*} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{application=\"chat-web\",[^}]*method=\"POST\","
                        + "[^}]*status=\"200\",uri=\"/api/telemetry\"} [1-9]")
                .containsPattern("hikaricp_connections_max\\{application=\"chat-web\"");
    }
}
