package dev.breakdown.chatweb.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.chatkit.ThreadItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;

/** The thread goes to the model newest first within CHAT_HISTORY_BUDGET characters, oldest kept last in order. */
class ConversationHistoryTest {
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    private static ThreadItem user(String text) {
        return new ThreadItem.UserMessage("msg_u" + text.hashCode(), "thr_1", AT,
                List.of(new ThreadItem.UserContent("input_text", text, null, null, null, null)), List.of(), null, null);
    }

    private static ThreadItem assistant(String text) {
        return new ThreadItem.AssistantMessage("msg_a" + text.hashCode(), "thr_1", AT,
                List.of(ThreadItem.AssistantContent.text(text)));
    }

    @Test
    void aLongThreadSendsItsLatestMessagesWithinTheBudgetInOrder() {
        List<ThreadItem> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(user("q" + i + " " + "x".repeat(95)));
            items.add(assistant("a" + i + " " + "y".repeat(95)));
        }

        List<Message> sent = ConversationHistory.of(items, 550);

        assertThat(sent).hasSize(5);
        assertThat(sent).extracting(Message::getText).extracting(t -> t.substring(0, 2))
                .containsExactly("a7", "q8", "a8", "q9", "a9");
        assertThat(sent).extracting(Message::getMessageType).containsExactly(MessageType.ASSISTANT, MessageType.USER,
                MessageType.ASSISTANT, MessageType.USER, MessageType.ASSISTANT);
    }

    @Test
    void aMessageLongerThanTheBudgetIsSentCutToIt() {
        List<Message> sent = ConversationHistory.of(List.of(user("old"), user("z".repeat(900) + "end")), 500);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getText()).hasSize(500).endsWith("end");
    }

    @Test
    void quotedTextAndClientToolOutputReachTheModelAsContext() {
        ThreadItem quoting = new ThreadItem.UserMessage("msg_q", "thr_1", AT,
                List.of(new ThreadItem.UserContent("input_text", "why?", null, null, null, null)), List.of(),
                "escalated to team:platform", null);
        ThreadItem tool = new ThreadItem.ClientToolCall("tc_1", "thr_1", AT, "completed", "call_1", "record_fact",
                Map.of("fact_id", "f1"), Map.of("ok", true));

        List<Message> sent = ConversationHistory.of(List.of(quoting, tool), 2000);

        assertThat(sent.get(0).getText()).isEqualTo("> escalated to team:platform\n\nwhy?");
        assertThat(sent.get(1).getText()).isEqualTo("(client tool record_fact returned: {ok=true})");
    }
}
