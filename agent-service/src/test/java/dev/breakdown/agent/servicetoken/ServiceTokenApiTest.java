package dev.breakdown.agent.servicetoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With BREAKDOWN_SERVICE_TOKEN set, the agent's API answers only callers that send it; health stays open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "BREAKDOWN_SERVICE_TOKEN=" + ServiceTokenApiTest.TOKEN)
class ServiceTokenApiTest {

    static final String TOKEN = "agent-test-token-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> run(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("..", "samples", "events", "p0-bug.json")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runWithoutTheTokenIs401AndWithItDecides() throws Exception {
        HttpResponse<String> refused = run(null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"breakdown\"");
        assertThat(refused.body()).contains("BREAKDOWN_SERVICE_TOKEN").doesNotContain(TOKEN);

        assertThat(run("Bearer wrong-token-0123456789abcdef").statusCode()).isEqualTo(401);

        HttpResponse<String> decided = run("Bearer " + TOKEN);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(decided.body()).contains("\"decisions\"");
    }

    @Test
    void policiesNeedTheTokenButHealthDoesNot() throws Exception {
        assertThat(get("/policies").statusCode()).isEqualTo(401);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
