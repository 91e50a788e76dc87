package dev.breakdown.platform.servicetoken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** A real server with the auto-configured check: what a caller without, with a wrong and with the token gets. */
@SpringBootTest(classes = ServiceTokenProtectionTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "BREAKDOWN_SERVICE_TOKEN=" + ServiceTokenProtectionTest.TOKEN,
            "breakdown.service-token.protect=/api/**",
            "breakdown.service-token.open=/api/feeds/*.ics"
        })
class ServiceTokenProtectionTest {

    static final String TOKEN = "test-token-0123456789abcdef";

    @LocalServerPort
    int port;

    @Autowired
    ServiceToken serviceToken;

    private RestClient client(String authorization) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (authorization != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return builder.build();
    }

    @Test
    void withoutTheTokenAProtectedPathAnswers401WithAProblemSayingWhatToSend() {
        ResponseEntity<String> answer = client(null).get().uri("/api/things/7").retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"breakdown\"");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
        assertThat(answer.getBody()).contains("\"status\":401", "Authorization: Bearer <token>",
                "BREAKDOWN_SERVICE_TOKEN", "\"instance\":\"/api/things/7\"").doesNotContain(TOKEN);
    }

    @Test
    void aWrongTokenIsRefusedWithoutEchoingEitherValue() {
        ResponseEntity<String> answer = client("Bearer not-the-token-0123456789").get().uri("/api/things/7")
                .retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getBody()).contains("does not match").doesNotContain(TOKEN, "not-the-token");
    }

    @Test
    void theClientSideSendsTheTokenAndIsAdmitted() {
        RestClient client = serviceToken.applyTo(RestClient.builder().baseUrl("http://localhost:" + port)).build();

        assertThat(client.get().uri("/api/things/7").retrieve().body(String.class)).isEqualTo("thing 7");
    }

    @Test
    void openPathsAndPathsOutsideTheProtectedOnesNeedNoToken() {
        assertThat(client(null).get().uri("/api/feeds/alice.ics").retrieve().toEntity(String.class).getBody())
                .isEqualTo("feed alice");
        assertThat(client(null).get().uri("/health").retrieve().toEntity(String.class).getBody()).isEqualTo("up");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {

        @GetMapping("/api/things/{id}")
        String thing(@PathVariable String id) {
            return "thing " + id;
        }

        @GetMapping("/api/feeds/{person}.ics")
        String feed(@PathVariable String person) {
            return "feed " + person;
        }

        @GetMapping("/health")
        String health() {
            return "up";
        }
    }
}
