package dev.breakdown.chatweb.session;

import static dev.breakdown.chatweb.support.Browserless.json;
import static dev.breakdown.chatweb.support.Browserless.post;
import static dev.breakdown.chatweb.support.Browserless.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Hosted mode without OPENAI_API_KEY. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"breakdown.chat-web.hosted.openai-api-key=", "breakdown.chat-web.hosted.workflow-id=wf_x"})
@EmbeddedKafka(partitions = 1)
class CreateSessionWithoutKeyTest {
    @LocalServerPort
    int port;

    @Test
    void missingKeyIs500WithTheVariableNamedAndTheCookieStillSet() {
        HttpResponse<String> response = post("http://localhost:" + port + "/api/create-session", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("error").asString()).isEqualTo("Missing OPENAI_API_KEY environment variable");
        assertThat(setCookie(response, "chatkit_session_id")).isNotNull();
    }
}
