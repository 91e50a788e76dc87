package dev.breakdown.chatweb.session;

import static dev.breakdown.chatweb.support.Browserless.json;
import static dev.breakdown.chatweb.support.Browserless.post;
import static dev.breakdown.chatweb.support.Browserless.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.support.Browserless;
import dev.breakdown.chatweb.support.HttpStandIn;
import dev.breakdown.chatweb.support.HttpStandIn.Answer;
import dev.breakdown.contracts.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/create-session} against a local stand-in for OpenAI's ChatKit sessions API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1)
@ExtendWith(OutputCaptureExtension.class)
class CreateSessionTest {
    static final String API_KEY = "sk-test-never-shown-4f2a9c";
    static final HttpStandIn OPENAI = new HttpStandIn();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hosted(DynamicPropertyRegistry registry) {
        registry.add("breakdown.chat-web.hosted.api-base", OPENAI::baseUrl);
        registry.add("breakdown.chat-web.hosted.openai-api-key", () -> API_KEY);
        registry.add("breakdown.chat-web.hosted.workflow-id", () -> "wf_configured");
        registry.add("breakdown.chat-web.hosted.timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
    }

    @BeforeEach
    void reset() {
        OPENAI.clear();
        OPENAI.answer(Answer.json(200, "{\"client_secret\":\"ek_123\",\"expires_at\":1767225600,\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":600}}"));
    }

    String url() {
        return "http://localhost:" + port + "/api/create-session";
    }

    @Test
    void newUserGetsASecretAndACookieAndUpstreamGetsTheDocumentedRequest(CapturedOutput output) {
        HttpResponse<String> response = post(url(), "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("client_secret").asString()).isEqualTo("ek_123");
        assertThat(body.path("expires_at").asLong()).isEqualTo(1767225600L);
        assertThat(body.path("expires_after").path("seconds").asInt()).isEqualTo(600);

        String cookie = setCookie(response, "chatkit_session_id");
        assertThat(cookie).isNotNull().contains("Path=/").contains("Max-Age=2592000").contains("HttpOnly")
                .contains("SameSite=Lax").doesNotContain("Secure");
        String userId = cookie.substring("chatkit_session_id=".length(), cookie.indexOf(';'));
        assertThat(userId).matches("[0-9a-f-]{36}");

        HttpStandIn.Received sent = OPENAI.received().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chatkit/sessions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(sent.header("OpenAI-Beta")).isEqualTo("chatkit_beta=v1");
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        JsonNode upstream = Json.mapper().readTree(sent.body());
        assertThat(upstream.path("workflow").path("id").asString()).isEqualTo("wf_configured");
        assertThat(upstream.path("user").asString()).isEqualTo(userId);
        assertThat(upstream.path("chatkit_configuration").path("file_upload").path("enabled").asBoolean(true)).isFalse();

        assertThat(response.body()).doesNotContain(API_KEY);
        assertThat(output.getAll()).doesNotContain(API_KEY);
    }

    @Test
    void returningUserKeepsItsIdAndGetsNoNewCookie() {
        HttpResponse<String> response = post(url(), "{}", "Cookie", "chatkit_session_id=user-42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(setCookie(response, "chatkit_session_id")).isNull();
        assertThat(Json.mapper().readTree(OPENAI.received().get(0).body()).path("user").asString()).isEqualTo("user-42");
    }

    @Test
    void emptyCookieCountsAsNoCookie() {
        HttpResponse<String> response = post(url(), "{}", "Cookie", "chatkit_session_id=");

        assertThat(setCookie(response, "chatkit_session_id")).matches("chatkit_session_id=[0-9a-f-]{36};.*");
    }

    @Test
    void cookieIsSecureWhenTheProxySaysHttps() {
        HttpResponse<String> response = post(url(), "{}", "X-Forwarded-Proto", "https");

        assertThat(setCookie(response, "chatkit_session_id")).contains("Secure");
    }

    @Test
    void workflowFromTheBodyWinsThenWorkflowIdThenConfiguration() {
        post(url(), "{\"workflow\":{\"id\":\"wf_body\"},\"workflowId\":\"wf_alias\"}");
        post(url(), "{\"workflowId\":\"wf_alias\",\"chatkit_configuration\":{\"file_upload\":{\"enabled\":true}}}");

        JsonNode first = Json.mapper().readTree(OPENAI.received().get(0).body());
        JsonNode second = Json.mapper().readTree(OPENAI.received().get(1).body());
        assertThat(first.path("workflow").path("id").asString()).isEqualTo("wf_body");
        assertThat(second.path("workflow").path("id").asString()).isEqualTo("wf_alias");
        assertThat(second.path("chatkit_configuration").path("file_upload").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void upstreamErrorKeepsItsStatusWithItsMessageAndBody(CapturedOutput output) {
        OPENAI.answer(Answer.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));

        HttpResponse<String> response = post(url(), "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = json(response);
        assertThat(body.path("error").asString()).isEqualTo("Incorrect API key provided");
        assertThat(body.path("details").path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(response.body()).doesNotContain(API_KEY);
        assertThat(output.getAll()).doesNotContain(API_KEY);
    }

    @Test
    void upstreamAnswerWithoutSecretIsABadGateway() {
        OPENAI.answer(Answer.json(200, "{\"expires_at\":1}"));

        HttpResponse<String> response = post(url(), "{}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).path("error").asString()).contains("without a client_secret");
    }

    @Test
    void slowUpstreamIsABadGatewayAfterTheTimeout() {
        OPENAI.answer(new Answer(200, "{\"client_secret\":\"late\"}", Duration.ofSeconds(3)));

        HttpResponse<String> response = post(url(), "{}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).path("error").asString()).contains("Could not reach the ChatKit sessions API");
    }

    @Test
    void otherMethodsAre405() {
        HttpResponse<String> response = Browserless.send(HttpRequest.newBuilder(URI.create(url())).GET().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(response).path("error").asString()).contains("use POST");
    }
}
