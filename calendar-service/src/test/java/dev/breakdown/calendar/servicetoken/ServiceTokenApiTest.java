package dev.breakdown.calendar.servicetoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With BREAKDOWN_SERVICE_TOKEN set, calendar's REST API needs it; the iCalendar feeds, health and docs do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:calendar-token;DB_CLOSE_DELAY=-1",
        "breakdown.teams-file=classpath:breakdown/teams.yml",
        "BREAKDOWN_SERVICE_TOKEN=" + ServiceTokenApiTest.TOKEN})
class ServiceTokenApiTest {

    static final String TOKEN = "calendar-test-token-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder postNudge() {
        return get("/api/nudges").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"alice\", \"message\": \"Token check\"}"));
    }

    @Test
    void theApiNeedsTheToken() throws Exception {
        HttpResponse<String> refused = send(postNudge(), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"instance\":\"/api/nudges\"", "BREAKDOWN_SERVICE_TOKEN")
                .doesNotContain(TOKEN);
        assertThat(send(get("/api/meetings"), null).statusCode()).isEqualTo(401);

        HttpResponse<String> created = send(postNudge(), "Bearer " + TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> listed = send(get("/api/nudges"), "Bearer " + TOKEN);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("Token check");
    }

    @Test
    void feedsHealthAndDocsStayOpen() throws Exception {
        HttpResponse<String> feed = send(get("/api/calendars/alice.ics"), null);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");
        assertThat(send(get("/api/calendars/team/triage.ics"), null).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health"), null).statusCode()).isEqualTo(200);
        assertThat(send(get("/v3/api-docs"), null).statusCode()).isEqualTo(200);
    }
}
