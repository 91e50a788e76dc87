package dev.breakdown.chatweb.chatkit;

import java.util.List;

/** Writes the server's side of a turn: the assistant. The server persists every item it sends as done. */
public interface ThreadResponder {

    /**
     * Answers the thread. {@code history} is the thread's items oldest first, ending with the user message (or the
     * client tool output) to answer; {@code events} takes the answer's events in order.
     */
    void respond(Turn turn, EventSink events);

    /** What the responder needs to know about the turn. */
    record Turn(String userId, StoredThread thread, List<ThreadItem> history) {
    }

    /** Where a responder sends its events; {@link #newItemId()} names the items it creates. */
    interface EventSink {
        void send(ThreadStreamEvent event);

        String newItemId();

        java.time.Instant now();
    }
}
