package dev.breakdown.webhook.intake;

import static dev.breakdown.webhook.support.WebhookClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** No broker listens: the service must still start, and must never claim to have stored a delivery. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "breakdown.webhook.allow-unsigned=true",
        "breakdown.webhook.ack-timeout=1s",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=1500",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.close-timeout=1s",
        "spring.kafka.admin.properties.request.timeout.ms=1000",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000"})
class BrokerDownTest {

    @DynamicPropertySource
    static void brokerThatIsNotThere(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + port);
    }

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void deliveryIsAnswered503WithRetryAfterWhenTheBrokerDoesNotAcknowledge() {
        long start = System.nanoTime();

        // Unsigned: allow-unsigned is on and no secret is configured, so only the broker can refuse it.
        ResponseEntity<String> answer = new WebhookClient(port).github("issues", "down-1",
                Samples.webhook("github-issue-opened-p0-bug.json"), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(json(answer).path("error").asString()).isEqualTo("broker_unavailable");
        assertThat(json(answer).path("message").asString()).contains("not accepted");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(meters.find(DeliveryMetrics.NAME).tags("source", "github", "event", "issues", "action", "opened",
                "result", "unavailable").counter().count()).isEqualTo(1);
    }

    @Test
    void serviceStartsButIsNotReady() {
        ResponseEntity<String> readiness = new WebhookClient(port).get("/actuator/health/readiness");
        ResponseEntity<String> liveness = new WebhookClient(port).get("/actuator/health/liveness");

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(json(readiness).path("status").asString()).isEqualTo("DOWN");
        // platform's "kafka" indicator is what takes it out; liveness stays UP so nothing restarts it.
        assertThat(json(readiness).path("components").path("kafka").path("status").asString()).isEqualTo("DOWN");
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
