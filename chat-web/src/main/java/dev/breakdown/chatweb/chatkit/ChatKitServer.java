package dev.breakdown.chatweb.chatkit;

import dev.breakdown.chatweb.chatkit.ThreadStreamEvent.ItemDone;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ChatKit protocol over the store and the responder: which request changes what and which events a streamed
 * answer carries, following openai/chatkit-python's {@code ChatKitServer.process}.
 */
@Service
public class ChatKitServer {
    private static final Logger log = LoggerFactory.getLogger(ChatKitServer.class);
    private static final int TITLE_LENGTH = 60;

    private final ChatKitStore store;
    private final ThreadResponder responder;
    private final JsonMapper json;
    private final Clock clock;

    public ChatKitServer(ChatKitStore store, ThreadResponder responder, JsonMapper json, Clock clock) {
        this.store = store;
        this.responder = responder;
        this.json = json;
        this.clock = clock;
    }

    /** Answers a non-streaming request with the object to send as JSON. */
    public Object answer(String userId, ChatKitRequest request) {
        return switch (request.type()) {
            case "threads.get_by_id" -> {
                String threadId = ChatKitRequest.required("thread_id", request.params(json, ChatKitRequest.ThreadId.class).threadId());
                StoredThread thread = store.thread(userId, threadId);
                yield ThreadView.of(thread, store.items(userId, threadId, 20, true, null));
            }
            case "threads.list" -> {
                ChatKitRequest.ListThreads params = request.params(json, ChatKitRequest.ListThreads.class);
                yield store.threads(userId, ChatKitRequest.limit(params.limit()), ChatKitRequest.ascending(params.order()),
                        params.after());
            }
            case "items.list" -> {
                ChatKitRequest.ListItems params = request.params(json, ChatKitRequest.ListItems.class);
                yield store.items(userId, ChatKitRequest.required("thread_id", params.threadId()),
                        ChatKitRequest.limit(params.limit()), ChatKitRequest.ascending(params.order()), params.after());
            }
            case "threads.update" -> {
                ChatKitRequest.UpdateThread params = request.params(json, ChatKitRequest.UpdateThread.class);
                String title = params.title();
                if (title == null || title.length() > ChatKitRequest.MAX_TITLE) {
                    throw ChatKitException.badRequest("Field 'params.title' is required, at most "
                            + ChatKitRequest.MAX_TITLE + " characters");
                }
                yield ThreadView.withoutItems(store.updateTitle(userId,
                        ChatKitRequest.required("thread_id", params.threadId()), title));
            }
            case "threads.delete" -> {
                store.deleteThread(userId, ChatKitRequest.required("thread_id",
                        request.params(json, ChatKitRequest.ThreadId.class).threadId()));
                yield Map.of();
            }
            case "items.feedback" -> {
                ChatKitRequest.Feedback params = request.params(json, ChatKitRequest.Feedback.class);
                if (!"positive".equals(params.kind()) && !"negative".equals(params.kind())) {
                    throw ChatKitException.badRequest("params.kind must be \"positive\" or \"negative\"");
                }
                if (params.itemIds() == null || params.itemIds().isEmpty()) {
                    throw ChatKitException.badRequest("Field 'params.item_ids' needs at least one item id");
                }
                store.feedback(userId, ChatKitRequest.required("thread_id", params.threadId()), params.itemIds(), params.kind());
                yield Map.of();
            }
            default -> throw new IllegalArgumentException("not a JSON request: " + request.type());
        };
    }

    /**
     * Checks a streaming request and what it refers to now (so a bad one answers 400 or 404 before any event), and
     * returns the work that streams its events into the given sink.
     */
    public Consumer<Consumer<ThreadStreamEvent>> stream(String userId, ChatKitRequest request) {
        return switch (request.type()) {
            case "threads.create" -> {
                ChatKitRequest.UserInput input = request.params(json, ChatKitRequest.Create.class).input();
                requireInput(input);
                yield out -> {
                    StoredThread thread = new StoredThread(newId("thr"), null, now());
                    store.createThread(userId, thread);
                    out.accept(new ThreadStreamEvent.ThreadCreated(ThreadView.withoutItems(thread)));
                    addUserMessageAndRespond(userId, thread, input, out);
                };
            }
            case "threads.add_user_message" -> {
                ChatKitRequest.AddUserMessage params = request.params(json, ChatKitRequest.AddUserMessage.class);
                requireInput(params.input());
                StoredThread thread = store.thread(userId, ChatKitRequest.required("thread_id", params.threadId()));
                yield out -> addUserMessageAndRespond(userId, thread, params.input(), out);
            }
            case "threads.add_client_tool_output" -> {
                ChatKitRequest.ClientToolOutput params = request.params(json, ChatKitRequest.ClientToolOutput.class);
                StoredThread thread = store.thread(userId, ChatKitRequest.required("thread_id", params.threadId()));
                List<ThreadItem> items = store.allItems(thread.id());
                ThreadItem last = items.isEmpty() ? null : items.get(items.size() - 1);
                if (!(last instanceof ThreadItem.ClientToolCall call) || !call.pending()) {
                    throw ChatKitException.badRequest("The last item of thread " + thread.id()
                            + " is not a pending client tool call; there is nothing to take the output of");
                }
                yield out -> {
                    store.replaceItem(call.completed(params.result()));
                    respond(userId, thread, out);
                };
            }
            case "threads.retry_after_item" -> {
                ChatKitRequest.RetryAfterItem params = request.params(json, ChatKitRequest.RetryAfterItem.class);
                StoredThread thread = store.thread(userId, ChatKitRequest.required("thread_id", params.threadId()));
                String itemId = ChatKitRequest.required("item_id", params.itemId());
                List<ThreadItem> items = store.allItems(thread.id());
                int at = indexOf(items, itemId);
                if (at < 0) {
                    throw ChatKitException.notFound("No item '" + itemId + "' in thread " + thread.id());
                }
                if (!(items.get(at) instanceof ThreadItem.UserMessage)) {
                    throw ChatKitException.badRequest("Item '" + itemId + "' is not a user message; retry after the "
                            + "user message whose answer should be generated again");
                }
                List<ThreadItem> after = items.subList(at + 1, items.size());
                yield out -> {
                    after.forEach(item -> store.deleteItem(thread.id(), item.id()));
                    respond(userId, thread, out);
                };
            }
            case "threads.custom_action" -> {
                ChatKitRequest.CustomAction params = request.params(json, ChatKitRequest.CustomAction.class);
                store.thread(userId, ChatKitRequest.required("thread_id", params.threadId()));
                Object type = params.action() == null ? null : params.action().get("type");
                yield out -> {
                    out.accept(streamOptions());
                    // No widget of this server sends actions, so any action is one we cannot act on.
                    out.accept(ThreadStreamEvent.Error.custom("This assistant has no custom actions; action '" + type
                            + "' was not run.", false));
                };
            }
            default -> throw new IllegalArgumentException("not a streaming request: " + request.type());
        };
    }

    private void addUserMessageAndRespond(String userId, StoredThread thread, ChatKitRequest.UserInput input,
                                          Consumer<ThreadStreamEvent> out) {
        ThreadItem.UserMessage message = new ThreadItem.UserMessage(newId("msg"), thread.id(), now(), input.content(),
                List.of(), input.quotedText(), input.inferenceOptions());
        store.addItem(message);
        out.accept(new ItemDone(message));
        StoredThread current = thread;
        if (thread.title() == null && store.titleIfUntitled(userId, thread.id(), title(message.text()))) {
            current = store.thread(userId, thread.id());
            out.accept(new ThreadStreamEvent.ThreadUpdated(ThreadView.withoutItems(current)));
        }
        respond(userId, current, out);
    }

    private void respond(String userId, StoredThread thread, Consumer<ThreadStreamEvent> out) {
        out.accept(streamOptions());
        PendingItems pending = new PendingItems();
        ThreadResponder.EventSink sink = new ThreadResponder.EventSink() {
            @Override
            public void send(ThreadStreamEvent event) {
                if (event instanceof ItemDone done) {
                    store.addItem(done.item());
                    pending.done(done.item().id());
                } else {
                    pending.track(event);
                }
                out.accept(event);
            }

            @Override
            public String newItemId() {
                return newId("msg");
            }

            @Override
            public Instant now() {
                return ChatKitServer.this.now();
            }
        };
        try {
            responder.respond(new ThreadResponder.Turn(userId, thread, store.allItems(thread.id())), sink);
        } catch (ClientGoneException gone) {
            // The user stopped the answer: keep what was said so far, as the reference server does.
            pending.partialAssistantMessages().forEach(store::addItem);
            throw gone;
        } catch (RuntimeException e) {
            log.error("Answering thread {} failed", thread.id(), e);
            out.accept(ThreadStreamEvent.Error.custom("The assistant failed unexpectedly (" + e.getClass().getSimpleName()
                    + "). Try again; if it keeps failing, the chat-web log has the details.", true));
        }
    }

    private static ThreadStreamEvent streamOptions() {
        return new ThreadStreamEvent.StreamOptions(new ThreadStreamEvent.StreamOptions.Options(true));
    }

    private static void requireInput(ChatKitRequest.UserInput input) {
        if (input == null) {
            throw ChatKitException.badRequest("Field 'params.input' is required");
        }
        input.validate();
    }

    private static int indexOf(List<ThreadItem> items, String itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(itemId)) {
                return i;
            }
        }
        return -1;
    }

    /** The first words of the first message, cut at a word boundary. */
    static String title(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "New chat";
        }
        if (line.length() <= TITLE_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_LENGTH);
        return line.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH) + "…";
    }

    private Instant now() {
        // Microseconds: what PostgreSQL keeps, so a stored item reads back as it was sent.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String newId(String prefix) {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    /** Assistant messages sent as added but not yet done, with the text streamed so far. */
    private static final class PendingItems {
        private final Map<String, ThreadItem.AssistantMessage> added = new java.util.LinkedHashMap<>();
        private final Map<String, StringBuilder> text = new java.util.HashMap<>();

        void track(ThreadStreamEvent event) {
            if (event instanceof ThreadStreamEvent.ItemAdded add && add.item() instanceof ThreadItem.AssistantMessage message) {
                added.put(message.id(), message);
                text.put(message.id(), new StringBuilder(message.text()));
            } else if (event instanceof ThreadStreamEvent.ItemUpdated update
                    && update.update() instanceof ThreadStreamEvent.TextDelta delta && text.containsKey(update.itemId())) {
                text.get(update.itemId()).append(delta.delta());
            }
        }

        void done(String itemId) {
            added.remove(itemId);
            text.remove(itemId);
        }

        List<ThreadItem> partialAssistantMessages() {
            List<ThreadItem> partial = new ArrayList<>();
            added.forEach((id, message) -> {
                String said = text.get(id).toString();
                if (!said.isBlank()) {
                    partial.add(new ThreadItem.AssistantMessage(id, message.threadId(), message.createdAt(),
                            List.of(ThreadItem.AssistantContent.text(said))));
                }
            });
            return partial;
        }
    }
}
