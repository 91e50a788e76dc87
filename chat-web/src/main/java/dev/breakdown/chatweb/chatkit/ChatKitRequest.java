package dev.breakdown.chatweb.chatkit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ChatKit request: {@code {"type", "params", "metadata"}} as openai/chatkit-python's {@code ChatKitReq} declares it,
 * with the params of each type as a record. Parsing fails with a message naming the field.
 */
public record ChatKitRequest(String type, JsonNode params) {

    public static final Set<String> STREAMING = Set.of("threads.create", "threads.add_user_message",
            "threads.add_client_tool_output", "threads.retry_after_item", "threads.custom_action");
    public static final Set<String> JSON = Set.of("threads.get_by_id", "threads.list", "items.list",
            "threads.update", "threads.delete", "items.feedback");
    // Known to the protocol, declined here: attachments are off, and there is no dictation or widget.
    private static final Set<String> DECLINED = Set.of("attachments.create", "attachments.delete", "input.transcribe",
            "threads.add_structured_input", "threads.sync_custom_action");
    static final int MAX_LIMIT = 100;
    static final int MAX_TITLE = 200;

    public static ChatKitRequest parse(JsonMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw ChatKitException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ChatKitException.badRequest("The body must be a JSON object with 'type' and 'params'");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isString()) {
            throw ChatKitException.badRequest("Field 'type' (a string) is required, e.g. \"threads.create\"");
        }
        String name = type.asString();
        if (DECLINED.contains(name)) {
            throw ChatKitException.badRequest("Request type '" + name + "' is not supported by this server: "
                    + "attachments, dictation and widget actions are off");
        }
        if (!STREAMING.contains(name) && !JSON.contains(name)) {
            throw ChatKitException.badRequest("Unknown request type '" + name + "'; supported: "
                    + String.join(", ", STREAMING.stream().sorted().toList()) + ", "
                    + String.join(", ", JSON.stream().sorted().toList()));
        }
        JsonNode params = root.get("params");
        return new ChatKitRequest(name, params == null || params.isNull() ? json.createObjectNode() : params);
    }

    public boolean streaming() {
        return STREAMING.contains(type);
    }

    /** The params as {@code target}, or 400 naming what is wrong with them. */
    public <T> T params(JsonMapper json, Class<T> target) {
        if (!params.isObject()) {
            throw ChatKitException.badRequest("Field 'params' of " + type + " must be a JSON object");
        }
        try {
            return json.treeToValue(params, target);
        } catch (JacksonException e) {
            throw ChatKitException.badRequest("Invalid params for " + type + ": " + e.getOriginalMessage());
        }
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ChatKitException.badRequest("Field 'params." + field + "' is required");
        }
        return value;
    }

    /** limit (default 20, at most 100) and order (asc or desc, default desc). */
    static int limit(Integer limit) {
        if (limit == null) {
            return 20;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ChatKitException.badRequest("params.limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    static boolean ascending(String order) {
        if (order == null || order.equals("desc")) {
            return false;
        }
        if (order.equals("asc")) {
            return true;
        }
        throw ChatKitException.badRequest("params.order must be \"asc\" or \"desc\", was \"" + order + "\"");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserInput(
            @JsonProperty("content") List<ThreadItem.UserContent> content,
            @JsonProperty("attachments") List<String> attachments,
            @JsonProperty("quoted_text") String quotedText,
            @JsonProperty("inference_options") ThreadItem.InferenceOptions inferenceOptions) {

        void validate() {
            if (content == null || content.isEmpty()) {
                throw ChatKitException.badRequest("Field 'params.input.content' needs at least one part");
            }
            for (ThreadItem.UserContent part : content) {
                if (part == null || !("input_text".equals(part.type()) || "input_tag".equals(part.type()))) {
                    throw ChatKitException.badRequest("params.input.content: each part's type is input_text or input_tag");
                }
                if (part.text() == null) {
                    throw ChatKitException.badRequest("params.input.content: each part needs its 'text'");
                }
            }
            if (attachments != null && !attachments.isEmpty()) {
                throw ChatKitException.badRequest("Attachments are off on this server; send the message without them");
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThreadId(@JsonProperty("thread_id") String threadId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Create(@JsonProperty("input") UserInput input) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddUserMessage(@JsonProperty("input") UserInput input, @JsonProperty("thread_id") String threadId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientToolOutput(@JsonProperty("thread_id") String threadId, @JsonProperty("result") Object result) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RetryAfterItem(@JsonProperty("thread_id") String threadId, @JsonProperty("item_id") String itemId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomAction(@JsonProperty("thread_id") String threadId, @JsonProperty("item_id") String itemId,
                               @JsonProperty("action") Map<String, Object> action) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListThreads(@JsonProperty("limit") Integer limit, @JsonProperty("order") String order,
                              @JsonProperty("after") String after) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListItems(@JsonProperty("thread_id") String threadId, @JsonProperty("limit") Integer limit,
                            @JsonProperty("order") String order, @JsonProperty("after") String after) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UpdateThread(@JsonProperty("thread_id") String threadId, @JsonProperty("title") String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feedback(@JsonProperty("thread_id") String threadId, @JsonProperty("item_ids") List<String> itemIds,
                           @JsonProperty("kind") String kind) {
    }
}
