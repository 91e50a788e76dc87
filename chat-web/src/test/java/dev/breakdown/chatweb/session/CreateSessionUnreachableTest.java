package dev.breakdown.chatweb.session;

import static dev.breakdown.chatweb.support.Browserless.json;
import static dev.breakdown.chatweb.support.Browserless.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** No workflow id anywhere, and a sessions API nobody listens on (port 9 on loopback: refused at once). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"breakdown.chat-web.hosted.openai-api-key=sk-test", "breakdown.chat-web.hosted.workflow-id=",
                "breakdown.chat-web.hosted.api-base=http://127.0.0.1:9"})
@EmbeddedKafka(partitions = 1)
class CreateSessionUnreachableTest {
    @LocalServerPort
    int port;

    @Test
    void missingWorkflowIdIs400() {
        HttpResponse<String> response = post("http://localhost:" + port + "/api/create-session", "not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).isEqualTo("Missing workflow id");
    }

    @Test
    void unreachableUpstreamIs502WithAMessageNamingTheSetting() {
        HttpResponse<String> response = post("http://localhost:" + port + "/api/create-session",
                "{\"workflow\":{\"id\":\"wf_1\"}}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).path("error").asString()).contains("CHATKIT_API_BASE");
        assertThat(response.body()).doesNotContain("sk-test");
    }
}
