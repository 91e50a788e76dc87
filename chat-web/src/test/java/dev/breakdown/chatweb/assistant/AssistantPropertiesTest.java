package dev.breakdown.chatweb.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wrong settings stop the start with the variable's name; OpenAI needs a key, a local server does not. */
class AssistantPropertiesTest {

    private static AssistantProperties with(String key, String baseUrl, String model, Duration timeout) {
        return new AssistantProperties(key, baseUrl, model, timeout, 12000, 6000, "http://localhost:8000",
                "http://localhost:7300/api");
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> with(null, "localhost:11434", "m", Duration.ofSeconds(60)))
                .hasMessageContaining("OPENAI_BASE_URL");
        assertThatThrownBy(() -> with(null, "https://api.openai.com/v1", "m", Duration.ZERO))
                .hasMessageContaining("CHAT_MODEL_TIMEOUT");
        assertThatThrownBy(() -> new AssistantProperties(null, "https://api.openai.com/v1", "m", Duration.ofSeconds(1),
                10, 6000, "http://localhost:8000", "http://localhost:7300/api")).hasMessageContaining("CHAT_HISTORY_BUDGET");
        assertThatThrownBy(() -> new AssistantProperties(null, "https://api.openai.com/v1", "m", Duration.ofSeconds(1),
                12000, 6000, "agent", "http://localhost:7300/api")).hasMessageContaining("AGENT_API_BASE");
    }

    @Test
    void ollamaNeedsNoKeyButOpenAiDoes() {
        assertThat(new ModelReadiness(with(null, "http://localhost:11434/v1", "llama3.1", Duration.ofSeconds(60)))
                .missingConfiguration()).isEmpty();
        assertThat(new ModelReadiness(with(null, "https://api.openai.com/v1", "gpt-4.1-mini", Duration.ofSeconds(60)))
                .missingConfiguration()).isPresent();
        assertThat(new ModelReadiness(with("sk-x", "https://api.openai.com/v1", "gpt-4.1-mini", Duration.ofSeconds(60)))
                .missingConfiguration()).isEqualTo(Optional.empty());
        assertThat(new ModelReadiness(with("sk-x", "https://api.openai.com/v1", " ", Duration.ofSeconds(60)))
                .missingConfiguration()).hasValueSatisfying(m -> assertThat(m).contains("CHAT_MODEL"));
    }

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(with("sk-very-secret", "https://api.openai.com/v1", "m", Duration.ofSeconds(60)).toString())
                .doesNotContain("sk-very-secret").contains("apiKey=****");
    }
}
