package dev.breakdown.chatweb.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Hosted ChatKit workflows (OpenAI Agent Builder, while it lasts): the workflow (CHATKIT_WORKFLOW_ID or
 * NEXT_PUBLIC_CHATKIT_WORKFLOW_ID), the API key (OPENAI_API_KEY) and where the sessions API answers
 * (CHATKIT_API_BASE). Without a workflow id the page uses chat-web's own ChatKit server.
 */
@ConfigurationProperties("breakdown.chat-web.hosted")
@Validated
public record HostedChatKitProperties(
        String workflowId,
        String openaiApiKey,
        @DefaultValue("https://api.openai.com") @NotNull String apiBase,
        @DefaultValue("10s") @NotNull Duration timeout) {

    public Optional<String> workflow() {
        return Optional.ofNullable(workflowId).map(String::trim).filter(id -> !id.isEmpty());
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(openaiApiKey).map(String::trim).filter(key -> !key.isEmpty());
    }

    public URI sessionsUri() {
        String base = apiBase.trim().replaceAll("/+$", "");
        return URI.create(base + "/v1/chatkit/sessions");
    }

    @AssertTrue(message = "CHATKIT_API_BASE must be an absolute http(s) URL, e.g. https://api.openai.com")
    public boolean isApiBaseValid() {
        try {
            URI uri = URI.create(apiBase.trim());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    // The key must never reach a log, not even through a failed-binding message.
    @Override
    public String toString() {
        return "HostedChatKitProperties[workflowId=" + workflowId + ", openaiApiKey=" + (apiKey().isPresent() ? "****" : "unset")
                + ", apiBase=" + apiBase + ", timeout=" + timeout + "]";
    }
}
