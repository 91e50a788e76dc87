package dev.breakdown.chatweb.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link AssistantTool} beans as Spring AI tool callbacks, each wrapped so that it reports its start to the
 * turn (the {@code progress_update} event), keeps its result within CHAT_TOOL_RESULT_LIMIT characters, and answers
 * a failure as text the model can relay instead of ending the turn.
 */
@Component
public class AssistantTools {
    /** The key in the tool context under which a turn passes its {@link Progress}. */
    static final String PROGRESS = "breakdown.progress";
    private static final Logger log = LoggerFactory.getLogger(AssistantTools.class);

    private final List<ToolCallback> callbacks;

    AssistantTools(List<AssistantTool> tools, AssistantProperties properties) {
        List<ToolCallback> wrapped = new ArrayList<>();
        for (AssistantTool tool : tools) {
            for (ToolCallback callback : MethodToolCallbackProvider.builder().toolObjects(tool).build().getToolCallbacks()) {
                wrapped.add(new Reporting(callback, tool, properties.toolResultLimit()));
            }
        }
        this.callbacks = List.copyOf(wrapped);
    }

    public List<ToolCallback> callbacks() {
        return callbacks;
    }

    /** Told when a tool starts: its name, progress text and icon. */
    public interface Progress extends Consumer<Started> {
    }

    public record Started(String toolName, String text, String icon) {
    }

    private record Reporting(ToolCallback delegate, AssistantTool tool, int limit) implements ToolCallback {

        @Override
        public ToolDefinition getToolDefinition() {
            return delegate.getToolDefinition();
        }

        @Override
        public String call(String toolInput) {
            return call(toolInput, null);
        }

        @Override
        public String call(String toolInput, ToolContext context) {
            String name = delegate.getToolDefinition().name();
            if (context != null && context.getContext().get(PROGRESS) instanceof Progress progress) {
                progress.accept(new Started(name, tool.progressText(), tool.progressIcon()));
            }
            String result;
            try {
                result = delegate.call(toolInput, context);
            } catch (RuntimeException e) {
                log.warn("Tool {} failed on {}: {}", name, toolInput, e.toString());
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                result = "{\"error\": \"The tool " + name + " failed: " + String.valueOf(cause.getMessage()).replace('"', '\'')
                        + ". Tell the user what could not be looked up.\"}";
            }
            if (result != null && result.length() > limit) {
                return result.substring(0, limit) + "\n[cut: " + (result.length() - limit)
                        + " more characters; ask a narrower question, e.g. with a project, issue or time filter]";
            }
            return result;
        }
    }
}
