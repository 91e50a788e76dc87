package dev.breakdown.chatweb.assistant;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code breakdown.chat-web.assistant}: the model (OPENAI_API_KEY, OPENAI_BASE_URL, CHAT_MODEL, CHAT_MODEL_TIMEOUT),
 * how much of a thread goes with each request (CHAT_HISTORY_BUDGET characters), how much of a tool's result
 * (CHAT_TOOL_RESULT_LIMIT characters), and where Breakdown's services answer (AGENT_API_BASE, CALENDAR_API_BASE).
 * A wrong value stops the start with a message naming the variable.
 */
@ConfigurationProperties("breakdown.chat-web.assistant")
public record AssistantProperties(
        String apiKey,
        @DefaultValue("https://api.openai.com/v1") String baseUrl,
        @DefaultValue("gpt-4.1-mini") String model,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("12000") int historyBudget,
        @DefaultValue("6000") int toolResultLimit,
        @DefaultValue("http://localhost:8000") String agentApiBase,
        @DefaultValue("http://localhost:7300/api") String calendarApiBase) {

    public AssistantProperties {
        baseUrl = httpUrl("OPENAI_BASE_URL", baseUrl);
        agentApiBase = httpUrl("AGENT_API_BASE", agentApiBase);
        calendarApiBase = httpUrl("CALENDAR_API_BASE", calendarApiBase);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("CHAT_MODEL_TIMEOUT must be a positive duration such as 60s, was " + timeout);
        }
        if (historyBudget < 500) {
            throw new IllegalArgumentException("CHAT_HISTORY_BUDGET must be at least 500 characters, was " + historyBudget);
        }
        if (toolResultLimit < 500) {
            throw new IllegalArgumentException("CHAT_TOOL_RESULT_LIMIT must be at least 500 characters, was " + toolResultLimit);
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        model = model == null ? "" : model.strip();
    }

    /** OpenAI's own API needs a key; a local server (Ollama, vLLM, LM Studio) usually does not. */
    public boolean needsApiKey() {
        return URI.create(baseUrl).getHost().endsWith("openai.com") || URI.create(baseUrl).getHost().endsWith("azure.com");
    }

    private static String httpUrl(String variable, String value) {
        String text = value == null ? "" : value.strip();
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(variable + " must be an http(s) URL such as http://localhost:8000, was '"
                + text + "'");
    }

    @Override
    public String toString() {
        // The key never reaches a log.
        return "AssistantProperties[apiKey=" + (apiKey == null ? "unset" : "****") + ", baseUrl=" + baseUrl
                + ", model=" + model + ", timeout=" + timeout + ", historyBudget=" + historyBudget
                + ", toolResultLimit=" + toolResultLimit + ", agentApiBase=" + agentApiBase
                + ", calendarApiBase=" + calendarApiBase + "]";
    }
}
