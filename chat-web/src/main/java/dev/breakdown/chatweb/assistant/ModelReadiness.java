package dev.breakdown.chatweb.assistant;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Whether a model is configured: a model name, and a key when the base URL is OpenAI's (or Azure's). */
@Component
class ModelReadiness implements AssistantStatus {
    private final AssistantProperties properties;

    ModelReadiness(AssistantProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<String> missingConfiguration() {
        if (properties.model().isEmpty()) {
            return Optional.of("No chat model is configured: set CHAT_MODEL (e.g. gpt-4.1-mini, or llama3.1 on Ollama).");
        }
        if (properties.apiKey() == null && properties.needsApiKey()) {
            return Optional.of("No model is configured for the assistant: set OPENAI_API_KEY for OpenAI, or point "
                    + "OPENAI_BASE_URL at another OpenAI-compatible server (e.g. http://localhost:11434/v1 for Ollama) "
                    + "and CHAT_MODEL at one of its models. Now: OPENAI_BASE_URL=" + properties.baseUrl()
                    + ", CHAT_MODEL=" + properties.model() + ".");
        }
        return Optional.empty();
    }
}
