package dev.breakdown.chatweb.chatkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One event of a streamed ChatKit answer ({@code ThreadStreamEvent} in openai/chatkit-python), sent as {@code data: <json>}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ThreadStreamEvent.ThreadCreated.class, name = "thread.created"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.ThreadUpdated.class, name = "thread.updated"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.ItemAdded.class, name = "thread.item.added"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.ItemUpdated.class, name = "thread.item.updated"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.ItemDone.class, name = "thread.item.done"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.StreamOptions.class, name = "stream_options"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.ProgressUpdate.class, name = "progress_update"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ThreadStreamEvent.Notice.class, name = "notice")})
public sealed interface ThreadStreamEvent {

    record ThreadCreated(@JsonProperty("thread") ThreadView thread) implements ThreadStreamEvent {
    }

    record ThreadUpdated(@JsonProperty("thread") ThreadView thread) implements ThreadStreamEvent {
    }

    record ItemAdded(@JsonProperty("item") ThreadItem item) implements ThreadStreamEvent {
    }

    record ItemUpdated(@JsonProperty("item_id") String itemId, @JsonProperty("update") ItemUpdate update)
            implements ThreadStreamEvent {
    }

    record ItemDone(@JsonProperty("item") ThreadItem item) implements ThreadStreamEvent {
    }

    /** Sent first in every response, as the reference server does; {@code allow_cancel} lets the user stop it. */
    record StreamOptions(@JsonProperty("stream_options") Options streamOptions) implements ThreadStreamEvent {
        public record Options(@JsonProperty("allow_cancel") boolean allowCancel) {
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressUpdate(@JsonProperty("icon") String icon, @JsonProperty("text") String text) implements ThreadStreamEvent {
    }

    /** {@code code} is {@code custom} when {@code message} is ours, {@code stream.error} for the client's generic text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(@JsonProperty("code") String code, @JsonProperty("message") String message,
                 @JsonProperty("allow_retry") boolean allowRetry) implements ThreadStreamEvent {

        public static Error custom(String message, boolean allowRetry) {
            return new Error("custom", message, allowRetry);
        }
    }

    /** {@code level}: info, warning or danger; the message may use markdown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notice(@JsonProperty("level") String level, @JsonProperty("message") String message,
                  @JsonProperty("title") String title) implements ThreadStreamEvent {
    }

    /** The updates of an assistant message while it streams. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ContentPartAdded.class, name = "assistant_message.content_part.added"),
            @JsonSubTypes.Type(value = TextDelta.class, name = "assistant_message.content_part.text_delta"),
            @JsonSubTypes.Type(value = ContentPartDone.class, name = "assistant_message.content_part.done")})
    sealed interface ItemUpdate {
    }

    record ContentPartAdded(@JsonProperty("content_index") int contentIndex,
                            @JsonProperty("content") ThreadItem.AssistantContent content) implements ItemUpdate {
    }

    record TextDelta(@JsonProperty("content_index") int contentIndex, @JsonProperty("delta") String delta)
            implements ItemUpdate {
    }

    record ContentPartDone(@JsonProperty("content_index") int contentIndex,
                           @JsonProperty("content") ThreadItem.AssistantContent content) implements ItemUpdate {
    }
}
