package dev.breakdown.chatweb.telemetry;

import static dev.breakdown.chatweb.support.Browserless.json;
import static dev.breakdown.chatweb.support.Browserless.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** CHAT_TELEMETRY=off: the endpoint says so and writes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "breakdown.chat-web.telemetry.mode=off")
@EmbeddedKafka(partitions = 1)
class TelemetryDisabledTest {
    @LocalServerPort
    int port;

    @Test
    void disabledTelemetryAnswersDisabled() {
        HttpResponse<String> response = post("http://localhost:" + port + "/api/telemetry", "{\"type\":\"t\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("disabled");
    }
}
