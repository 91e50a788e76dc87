package dev.breakdown.chatweb.assistant;

import dev.breakdown.chatweb.chatkit.ThreadItem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * The thread's items as chat messages, newest kept first within CHAT_HISTORY_BUDGET characters: a long thread sends
 * its recent part, and always its last message (cut to the budget when it alone is longer).
 */
final class ConversationHistory {

    private ConversationHistory() {
    }

    static List<Message> of(List<ThreadItem> items, int budget) {
        Deque<Message> kept = new ArrayDeque<>();
        int used = 0;
        for (int i = items.size() - 1; i >= 0; i--) {
            String text = text(items.get(i));
            if (text == null || text.isBlank()) {
                continue;
            }
            if (used + text.length() > budget) {
                if (kept.isEmpty()) {
                    kept.addFirst(message(items.get(i), text.substring(text.length() - budget)));
                }
                break;
            }
            used += text.length();
            kept.addFirst(message(items.get(i), text));
        }
        return List.copyOf(kept);
    }

    private static String text(ThreadItem item) {
        if (item instanceof ThreadItem.UserMessage user) {
            return quoted(user);
        }
        if (item instanceof ThreadItem.AssistantMessage assistant) {
            return assistant.text();
        }
        // The page's client tools (theme, facts) answer with data the user gave; the model sees it as context.
        ThreadItem.ClientToolCall call = (ThreadItem.ClientToolCall) item;
        return call.output() == null ? null : "(client tool " + call.name() + " returned: " + call.output() + ")";
    }

    private static String quoted(ThreadItem.UserMessage user) {
        return user.quotedText() == null || user.quotedText().isBlank() ? user.text()
                : "> " + user.quotedText() + "\n\n" + user.text();
    }

    private static Message message(ThreadItem item, String text) {
        return item instanceof ThreadItem.AssistantMessage ? new AssistantMessage(text) : new UserMessage(text);
    }
}
