package dev.breakdown.chatweb.assistant;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Whether a model is configured: a model name, and a key when the base URL is OpenAI's (or Azure's). */
@Component
class ModelReadiness implements AssistantStatus {
    private static final Logger log = LoggerFactory.getLogger(ModelReadiness.class);
    private final AssistantProperties properties;

    ModelReadiness(AssistantProperties properties) {
        this.properties = properties;
        String path = URI.create(properties.baseUrl()).getPath();
        if ((path == null || path.isEmpty() || path.equals("/")) && !properties.baseUrl().contains("azure.com")) {
            // The client appends chat/completions to the base URL; OpenAI-compatible servers serve it under /v1.
            log.warn("OPENAI_BASE_URL={} has no path; OpenAI, Ollama, vLLM and LM Studio expect it to end in /v1",
                    properties.baseUrl());
        }
        missingConfiguration().ifPresent(missing -> log.warn("The assistant will answer with a notice: {}", missing));
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
