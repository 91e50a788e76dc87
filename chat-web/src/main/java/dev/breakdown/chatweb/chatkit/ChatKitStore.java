package dev.breakdown.chatweb.chatkit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Threads and items in the chat database (H2 file or PostgreSQL, by Flyway). Every method takes the user: a thread
 * of someone else is answered exactly like a thread that does not exist.
 */
@Repository
public class ChatKitStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ChatKitStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void createThread(String userId, StoredThread thread) {
        jdbc.sql("INSERT INTO chat_thread (id, user_id, title, created_at) VALUES (?, ?, ?, ?)")
                .params(thread.id(), userId, thread.title(), Timestamp.from(thread.createdAt()))
                .update();
    }

    /** The user's thread, or 404. */
    public StoredThread thread(String userId, String threadId) {
        return findThread(userId, threadId).orElseThrow(() -> noThread(threadId));
    }

    private Optional<StoredThread> findThread(String userId, String threadId) {
        return jdbc.sql("SELECT id, title, created_at FROM chat_thread WHERE id = ? AND user_id = ?")
                .params(threadId, userId)
                .query((rs, n) -> new StoredThread(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public ThreadView.ThreadPage threads(String userId, int limit, boolean ascending, String after) {
        String sql = "SELECT id, title, created_at FROM chat_thread WHERE user_id = ?";
        List<Object> params = new java.util.ArrayList<>(List.of(userId));
        if (after != null) {
            long cursor = jdbc.sql("SELECT seq FROM chat_thread WHERE id = ? AND user_id = ?").params(after, userId)
                    .query(Long.class).optional()
                    .orElseThrow(() -> ChatKitException.notFound("after: no thread '" + after + "' to continue from"));
            sql += ascending ? " AND seq > ?" : " AND seq < ?";
            params.add(cursor);
        }
        List<StoredThread> rows = jdbc.sql(sql + " ORDER BY seq " + (ascending ? "ASC" : "DESC") + " LIMIT ?")
                .params(params).param(limit + 1)
                .query((rs, n) -> new StoredThread(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        boolean more = rows.size() > limit;
        List<StoredThread> page = more ? rows.subList(0, limit) : rows;
        return new ThreadView.ThreadPage(page.stream().map(ThreadView::withoutItems).toList(), more,
                more ? page.get(page.size() - 1).id() : null);
    }

    public StoredThread updateTitle(String userId, String threadId, String title) {
        int changed = jdbc.sql("UPDATE chat_thread SET title = ? WHERE id = ? AND user_id = ?")
                .params(title, threadId, userId).update();
        if (changed == 0) {
            throw noThread(threadId);
        }
        return thread(userId, threadId);
    }

    /** Sets the title only when the thread has none yet; true when it did. */
    public boolean titleIfUntitled(String userId, String threadId, String title) {
        return jdbc.sql("UPDATE chat_thread SET title = ? WHERE id = ? AND user_id = ? AND title IS NULL")
                .params(title, threadId, userId).update() > 0;
    }

    public void deleteThread(String userId, String threadId) {
        thread(userId, threadId);
        // H2 and PostgreSQL both cascade the items; deleting them first keeps that true for any database.
        jdbc.sql("DELETE FROM chat_item WHERE thread_id = ?").param(threadId).update();
        jdbc.sql("DELETE FROM chat_thread WHERE id = ? AND user_id = ?").params(threadId, userId).update();
    }

    public void addItem(ThreadItem item) {
        jdbc.sql("INSERT INTO chat_item (id, thread_id, type, created_at, data) VALUES (?, ?, ?, ?, ?)")
                .params(item.id(), item.threadId(), item.kind(), Timestamp.from(item.createdAt()),
                        json.writeValueAsString(item))
                .update();
    }

    public void replaceItem(ThreadItem item) {
        jdbc.sql("UPDATE chat_item SET data = ? WHERE id = ? AND thread_id = ?")
                .params(json.writeValueAsString(item), item.id(), item.threadId()).update();
    }

    public void deleteItem(String threadId, String itemId) {
        jdbc.sql("DELETE FROM chat_item WHERE id = ? AND thread_id = ?").params(itemId, threadId).update();
    }

    /** A page of the user's thread's items; 404 for a thread not theirs or an unknown cursor. */
    public ThreadView.ItemPage items(String userId, String threadId, int limit, boolean ascending, String after) {
        thread(userId, threadId);
        String sql = "SELECT data FROM chat_item WHERE thread_id = ?";
        List<Object> params = new java.util.ArrayList<>(List.of(threadId));
        if (after != null) {
            long cursor = jdbc.sql("SELECT seq FROM chat_item WHERE id = ? AND thread_id = ?").params(after, threadId)
                    .query(Long.class).optional()
                    .orElseThrow(() -> ChatKitException.notFound("after: no item '" + after + "' in thread " + threadId));
            sql += ascending ? " AND seq > ?" : " AND seq < ?";
            params.add(cursor);
        }
        List<ThreadItem> rows = jdbc.sql(sql + " ORDER BY seq " + (ascending ? "ASC" : "DESC") + " LIMIT ?")
                .params(params).param(limit + 1)
                .query((rs, n) -> json.readValue(rs.getString(1), ThreadItem.class))
                .list();
        boolean more = rows.size() > limit;
        List<ThreadItem> page = more ? List.copyOf(rows.subList(0, limit)) : rows;
        return new ThreadView.ItemPage(page, more, more ? page.get(page.size() - 1).id() : null);
    }

    /** Every item of the thread, oldest first (the caller owns the thread). */
    public List<ThreadItem> allItems(String threadId) {
        return jdbc.sql("SELECT data FROM chat_item WHERE thread_id = ? ORDER BY seq")
                .param(threadId)
                .query((rs, n) -> json.readValue(rs.getString(1), ThreadItem.class))
                .list();
    }

    @Transactional
    public void feedback(String userId, String threadId, List<String> itemIds, String kind) {
        thread(userId, threadId);
        for (String itemId : itemIds) {
            if (jdbc.sql("UPDATE chat_item SET feedback = ? WHERE id = ? AND thread_id = ?")
                    .params(kind, itemId, threadId).update() == 0) {
                throw ChatKitException.notFound("item_ids: no item '" + itemId + "' in thread " + threadId);
            }
        }
    }

    static ChatKitException noThread(String threadId) {
        return ChatKitException.notFound("No thread '" + threadId + "' for this user");
    }

}
