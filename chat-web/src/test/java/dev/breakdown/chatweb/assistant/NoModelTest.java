package dev.breakdown.chatweb.assistant;

import static dev.breakdown.chatweb.ChatKitClient.create;
import static dev.breakdown.chatweb.ChatKitClient.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.ChatKitClient;
import dev.breakdown.contracts.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/** Without OPENAI_API_KEY the app starts, the page can say what is missing, and a message gets a notice, not silence. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "breakdown.chat-web.assistant.api-key=",
        "breakdown.chat-web.assistant.base-url=https://api.openai.com/v1",
        "spring.ai.openai.api-key=",
        "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN"})
@EmbeddedKafka(partitions = 1, topics = {Topics.ACTIONS, Topics.OUTCOMES, Topics.CHATKIT_TELEMETRY})
class NoModelTest {

    @LocalServerPort
    int port;

    @Autowired
    AssistantStatus status;

    @Test
    void theStatusNamesTheVariablesToSet() {
        assertThat(status.missingConfiguration()).hasValueSatisfying(message ->
                assertThat(message).contains("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHAT_MODEL"));
    }

    @Test
    void aMessageIsStoredAndAnsweredWithANoticeNamingTheVariables() {
        ChatKitClient chatkit = new ChatKitClient(port);
        List<JsonNode> events = chatkit.events("no-model-user", create("What did the agent do today?"));

        assertThat(types(events)).containsExactly("thread.created", "thread.item.done", "thread.updated", "stream_options",
                "notice");
        JsonNode notice = events.get(4);
        assertThat(notice.get("level").asString()).isEqualTo("warning");
        assertThat(notice.get("title").asString()).isEqualTo("The assistant has no model");
        assertThat(notice.get("message").asString()).contains("OPENAI_API_KEY", "OPENAI_BASE_URL", "CHAT_MODEL");

        String threadId = events.get(0).get("thread").get("id").asString();
        JsonNode thread = chatkit.json("no-model-user", "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\""
                + threadId + "\"}}");
        assertThat(thread.get("items").get("data")).extracting(i -> i.get("type").asString()).containsExactly("user_message");
    }
}
