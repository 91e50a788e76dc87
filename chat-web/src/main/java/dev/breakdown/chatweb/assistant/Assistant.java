package dev.breakdown.chatweb.assistant;

import dev.breakdown.chatweb.chatkit.ThreadItem;
import dev.breakdown.chatweb.chatkit.ThreadResponder;
import dev.breakdown.chatweb.chatkit.ThreadStreamEvent;
import dev.breakdown.chatweb.chatkit.ThreadStreamEvent.ContentPartAdded;
import dev.breakdown.chatweb.chatkit.ThreadStreamEvent.ContentPartDone;
import dev.breakdown.chatweb.chatkit.ThreadStreamEvent.ItemUpdated;
import dev.breakdown.chatweb.chatkit.ThreadStreamEvent.TextDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The assistant of the ChatKit server: the thread goes to the model through Spring AI's ChatClient with Breakdown's
 * tools, and the answer streams back token by token as ChatKit events. Without a model it answers a notice; a
 * failed or slow model answers an {@code error} the user can retry.
 */
@Component
class Assistant implements ThreadResponder {
    private static final Logger log = LoggerFactory.getLogger(Assistant.class);

    private final Supplier<ChatClient> chat;
    private final AssistantStatus status;
    private final AssistantProperties properties;
    private final AssistantTools tools;
    private final TurnTelemetry telemetry;

    Assistant(ObjectProvider<ChatClient.Builder> chat, AssistantStatus status, AssistantProperties properties,
              AssistantTools tools, TurnTelemetry telemetry) {
        // Made at the first turn: the model's client (OpenAI's SDK, some 2,000 classes) is not loaded at start.
        this.chat = SingletonSupplier.of(
                () -> chat.getObject().defaultSystem(new ClassPathResource("assistant/system-prompt.md")).build());
        this.status = status;
        this.properties = properties;
        this.tools = tools;
        this.telemetry = telemetry;
    }

    @Override
    public void respond(Turn turn, EventSink events) {
        Optional<String> missing = status.missingConfiguration();
        if (missing.isPresent()) {
            events.send(new ThreadStreamEvent.Notice("warning", missing.get(), "The assistant has no model"));
            telemetry.record(turn, TurnTelemetry.Result.noModel());
            return;
        }
        long started = System.nanoTime();
        List<String> toolsCalled = new ArrayList<>();
        AssistantTools.Progress progress = tool -> {
            synchronized (toolsCalled) {
                toolsCalled.add(tool.toolName());
            }
            events.send(new ThreadStreamEvent.ProgressUpdate(tool.icon(), tool.text()));
        };
        ThreadItem.AssistantMessage item = new ThreadItem.AssistantMessage(events.newItemId(), turn.thread().id(),
                events.now(), List.of());
        StringBuilder text = new StringBuilder();
        Usage usage = null;
        String outcome = "answered";
        try (Stream<ChatResponse> answer = chat.get().prompt()
                .messages(ConversationHistory.of(turn.history(), properties.historyBudget()))
                .toolCallbacks(tools.callbacks())
                .toolContext(Map.of(AssistantTools.PROGRESS, progress))
                .options(OpenAiChatOptions.builder().model(properties.model()).streamUsage(true))
                .stream()
                .chatResponse()
                // Between two chunks (and before the first) the model gets CHAT_MODEL_TIMEOUT.
                .timeout(properties.timeout())
                .toStream()) {
            for (ChatResponse response : (Iterable<ChatResponse>) answer::iterator) {
                if (response.getMetadata() != null && response.getMetadata().getUsage() != null
                        && response.getMetadata().getUsage().getTotalTokens() != null
                        && response.getMetadata().getUsage().getTotalTokens() > 0) {
                    usage = response.getMetadata().getUsage();
                }
                String delta = response.getResult() == null || response.getResult().getOutput() == null ? null
                        : response.getResult().getOutput().getText();
                if (delta == null || delta.isEmpty()) {
                    continue;
                }
                if (text.isEmpty()) {
                    start(item, events);
                }
                text.append(delta);
                events.send(new ItemUpdated(item.id(), new TextDelta(0, delta)));
            }
            if (text.isEmpty()) {
                start(item, events);
            }
            ThreadItem.AssistantContent content = ThreadItem.AssistantContent.text(text.toString());
            events.send(new ItemUpdated(item.id(), new ContentPartDone(0, content)));
            events.send(new ThreadStreamEvent.ItemDone(new ThreadItem.AssistantMessage(item.id(), item.threadId(),
                    item.createdAt(), List.of(content))));
        } catch (dev.breakdown.chatweb.chatkit.ClientGoneException gone) {
            outcome = "cancelled";
            throw gone;
        } catch (RuntimeException e) {
            outcome = "error";
            log.warn("The model call for thread {} failed: {}", turn.thread().id(), e.toString());
            events.send(ThreadStreamEvent.Error.custom(ModelErrors.describe(e, properties), true));
        } finally {
            List<String> called;
            synchronized (toolsCalled) {
                called = List.copyOf(toolsCalled);
            }
            telemetry.record(turn, new TurnTelemetry.Result(outcome, properties.model(), called,
                    (System.nanoTime() - started) / 1_000_000, usage));
        }
    }

    private static void start(ThreadItem.AssistantMessage item, EventSink events) {
        events.send(new ThreadStreamEvent.ItemAdded(item));
        events.send(new ItemUpdated(item.id(), new ContentPartAdded(0, ThreadItem.AssistantContent.text(""))));
    }
}
