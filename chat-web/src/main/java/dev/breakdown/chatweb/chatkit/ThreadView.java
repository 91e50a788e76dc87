package dev.breakdown.chatweb.chatkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A thread as the protocol answers it ({@code Thread}: its metadata and a page of items). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadView(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("status") Status status,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonProperty("items") ItemPage items) {

    public static ThreadView of(StoredThread thread, ItemPage items) {
        return new ThreadView(thread.id(), thread.title(), thread.createdAt(), Status.ACTIVE, Map.of(), items);
    }

    public static ThreadView withoutItems(StoredThread thread) {
        return of(thread, ItemPage.EMPTY);
    }

    /** {@code active}; {@code locked} and {@code closed} carry a reason. This server keeps threads active. */
    public record Status(@JsonProperty("type") String type) {
        static final Status ACTIVE = new Status("active");
    }

    /** A page of items: {@code after} is the cursor for the next page, present only when {@code has_more}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemPage(
            @JsonProperty("data") List<ThreadItem> data,
            @JsonProperty("has_more") boolean hasMore,
            @JsonProperty("after") String after) {
        static final ItemPage EMPTY = new ItemPage(List.of(), false, null);
    }

    /** A page of threads, each without its items, as {@code threads.list} answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThreadPage(
            @JsonProperty("data") List<ThreadView> data,
            @JsonProperty("has_more") boolean hasMore,
            @JsonProperty("after") String after) {
    }
}
