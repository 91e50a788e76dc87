package dev.breakdown.webhook.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.webhook.support.LiveServiceTest;
import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What a Prometheus server scrapes: the delivery counters, tagged with the service's name, over real HTTP. */
@WebhookServiceTest
class PrometheusEndpointTest extends LiveServiceTest {
    private static final String ACCEPTED = "{action=\"opened\",application=\"webhook-service\",event=\"issues\","
            + "result=\"accepted\",source=\"github\"}";
    // Unverified deliveries are counted without the event and action they claim.
    private static final String BAD_SIGNATURE = "{action=\"none\",application=\"webhook-service\","
            + "event=\"unverified\",result=\"rejected_invalid_signature\",source=\"github\"}";

    @Test
    void scrapeShowsDeliveriesBySourceAndResult() throws IOException {
        String before = scrape();
        double accepted = counter(before, ACCEPTED);
        double badSignature = counter(before, BAD_SIGNATURE);

        assertThat(client.github("issues", UUID.randomUUID().toString(),
                Samples.webhook("github-issue-opened-p0-bug.json"), WebhookServiceTest.GITHUB_SECRET).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(client.github("issues", UUID.randomUUID().toString(),
                Samples.webhook("github-issue-opened-p0-bug.json"), "not-the-secret").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        String after = scrape();
        // For docker/grafana/check-dashboard.py: every metric the dashboard queries must be in a real scrape.
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), after);
        assertThat(counter(after, ACCEPTED)).isEqualTo(accepted + 1);
        assertThat(counter(after, BAD_SIGNATURE)).isEqualTo(badSignature + 1);
        assertThat(after).contains("# TYPE breakdown_webhook_deliveries_total counter")
                .containsPattern("jvm_memory_used_bytes\\{[^}]*application=\"webhook-service\"");
    }

    private String scrape() {
        ResponseEntity<String> answer = client.get("/actuator/prometheus");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).hasToString("text/plain;version=0.0.4;charset=utf-8");
        return answer.getBody();
    }

    /** One series of the delivery counter; 0 before its first delivery. */
    private static double counter(String scrape, String labels) {
        String series = "breakdown_webhook_deliveries_total" + labels + " ";
        return scrape.lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()))).findFirst().orElse(0);
    }
}
