package dev.breakdown.chatweb.chatkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A thread item of the ChatKit protocol (openai/chatkit-python {@code ThreadItem}); the {@code type} field picks
 * the kind. This server keeps user messages, assistant messages and client tool calls.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ThreadItem.UserMessage.class, name = ThreadItem.UserMessage.TYPE),
        @JsonSubTypes.Type(value = ThreadItem.AssistantMessage.class, name = ThreadItem.AssistantMessage.TYPE),
        @JsonSubTypes.Type(value = ThreadItem.ClientToolCall.class, name = ThreadItem.ClientToolCall.TYPE)})
public sealed interface ThreadItem {

    String id();

    String threadId();

    Instant createdAt();

    /** The item's kind as the protocol names it (its {@code type}). */
    String kind();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserMessage(
            @JsonProperty("id") String id,
            @JsonProperty("thread_id") String threadId,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("content") List<UserContent> content,
            @JsonProperty("attachments") List<Object> attachments,
            @JsonProperty("quoted_text") String quotedText,
            @JsonProperty("inference_options") InferenceOptions inferenceOptions) implements ThreadItem {
        static final String TYPE = "user_message";

        @Override
        public String kind() {
            return TYPE;
        }

        public UserMessage {
            content = content == null ? List.of() : List.copyOf(content);
            attachments = List.of();
            inferenceOptions = inferenceOptions == null ? InferenceOptions.NONE : inferenceOptions;
        }

        /** The plain text of the message: its text parts and tags, in order. */
        public String text() {
            return String.join(" ", content.stream().map(UserContent::text).filter(t -> t != null && !t.isBlank()).toList());
        }
    }

    record AssistantMessage(
            @JsonProperty("id") String id,
            @JsonProperty("thread_id") String threadId,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("content") List<AssistantContent> content) implements ThreadItem {
        static final String TYPE = "assistant_message";

        @Override
        public String kind() {
            return TYPE;
        }

        public AssistantMessage {
            content = content == null ? List.of() : List.copyOf(content);
        }

        public String text() {
            return String.join("", content.stream().map(AssistantContent::text).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientToolCall(
            @JsonProperty("id") String id,
            @JsonProperty("thread_id") String threadId,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("status") String status,
            @JsonProperty("call_id") String callId,
            @JsonProperty("name") String name,
            @JsonProperty("arguments") Map<String, Object> arguments,
            @JsonProperty("output") Object output) implements ThreadItem {
        static final String TYPE = "client_tool_call";

        @Override
        public String kind() {
            return TYPE;
        }

        public boolean pending() {
            return "pending".equals(status);
        }

        public ClientToolCall completed(Object result) {
            return new ClientToolCall(id, threadId, createdAt, "completed", callId, name, arguments, result);
        }
    }

    /** {@code input_text} (text) or {@code input_tag} (id, text, data, group, interactive). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserContent(
            @JsonProperty("type") String type,
            @JsonProperty("text") String text,
            @JsonProperty("id") String id,
            @JsonProperty("data") Map<String, Object> data,
            @JsonProperty("group") String group,
            @JsonProperty("interactive") Boolean interactive) {
    }

    /** Assistant output: {@code output_text} with its annotations (none from this server). */
    record AssistantContent(
            @JsonProperty("annotations") List<Object> annotations,
            @JsonProperty("text") String text,
            @JsonProperty("type") String type) {

        public static AssistantContent text(String text) {
            return new AssistantContent(List.of(), text, "output_text");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferenceOptions(
            @JsonProperty("tool_choice") ToolChoice toolChoice,
            @JsonProperty("model") String model) {
        static final InferenceOptions NONE = new InferenceOptions(null, null);
    }

    record ToolChoice(@JsonProperty("id") String id) {
    }
}
