package dev.breakdown.chatweb.assistant;

import dev.breakdown.chatweb.chatkit.ThreadResponder;
import dev.breakdown.chatweb.telemetry.TelemetryPublisher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.stereotype.Component;

/**
 * One {@code assistant.turn} record per answered turn on the telemetry topic: thread, model, tools called, latency
 * and token counts when the model reported them. Never the user's text. A failed send never fails the chat.
 */
@Component
class TurnTelemetry {
    static final String TYPE = "assistant.turn";
    private static final Logger log = LoggerFactory.getLogger(TurnTelemetry.class);

    private final TelemetryPublisher publisher;

    TurnTelemetry(TelemetryPublisher publisher) {
        this.publisher = publisher;
    }

    void record(ThreadResponder.Turn turn, Result result) {
        if (!publisher.enabled()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", TYPE);
        event.put("thread_id", turn.thread().id());
        event.put("outcome", result.outcome());
        event.put("model", result.model());
        event.put("tools", result.tools());
        event.put("latency_ms", result.latencyMs());
        if (result.usage() != null) {
            event.put("prompt_tokens", result.usage().getPromptTokens());
            event.put("completion_tokens", result.usage().getCompletionTokens());
            event.put("total_tokens", result.usage().getTotalTokens());
        }
        try {
            publisher.publish(turn.userId(), event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    log.warn("Telemetry of a turn in thread {} was not sent: {}", turn.thread().id(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Telemetry of a turn in thread {} was not sent: {}", turn.thread().id(), e.toString());
        }
    }

    record Result(String outcome, String model, List<String> tools, long latencyMs, Usage usage) {
        static Result noModel() {
            return new Result("no_model", null, List.of(), 0, null);
        }
    }
}
