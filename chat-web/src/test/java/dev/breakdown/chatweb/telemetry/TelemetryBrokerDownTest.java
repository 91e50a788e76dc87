package dev.breakdown.chatweb.telemetry;

import static dev.breakdown.chatweb.support.Browserless.json;
import static dev.breakdown.chatweb.support.Browserless.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the broker stopped, telemetry is refused with 503 and Retry-After instead of being acknowledged and lost. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "breakdown.chat-web.telemetry.ack-timeout=2s")
@DirtiesContext
class TelemetryBrokerDownTest {
    static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 1, "chatkit_telemetry");

    static {
        BROKER.afterPropertiesSet();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    }

    @AfterAll
    static void stop() {
        BROKER.destroy();
    }

    @Test
    void brokerDownIs503WithRetryAfter() {
        String url = "http://localhost:" + port + "/api/telemetry";
        assertThat(post(url, "{\"type\":\"before\"}", "Cookie", "chatkit_session_id=u").statusCode()).isEqualTo(200);

        BROKER.destroy();
        HttpResponse<String> response = post(url, "{\"type\":\"during\"}", "Cookie", "chatkit_session_id=u");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(response).path("error").asString()).contains("did not acknowledge");
    }
}
