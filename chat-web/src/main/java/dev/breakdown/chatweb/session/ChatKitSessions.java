package dev.breakdown.chatweb.session;

import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** OpenAI's ChatKit sessions API ({@code POST /v1/chatkit/sessions}), which mints a hosted workflow's client secret. */
@Component
class ChatKitSessions {
    private final HostedChatKitProperties properties;
    private final RestClient client;

    ChatKitSessions(HostedChatKitProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        this.client = builder.clone().requestFactory(factory).build();
    }

    /** The upstream answer, status and body as they came; a network failure or time-out throws. */
    UpstreamAnswer create(String apiKey, String workflowId, String user, boolean fileUpload) {
        Map<String, Object> body = Map.of(
                "workflow", Map.of("id", workflowId),
                "user", user,
                "chatkit_configuration", Map.of("file_upload", Map.of("enabled", fileUpload)));
        return client.post()
                .uri(properties.sessionsUri())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .header("OpenAI-Beta", "chatkit_beta=v1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> new UpstreamAnswer(
                        response.getStatusCode().value(), response.bodyTo(String.class)));
    }

    record UpstreamAnswer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
