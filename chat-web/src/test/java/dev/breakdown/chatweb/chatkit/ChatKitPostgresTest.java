package dev.breakdown.chatweb.chatkit;

import static dev.breakdown.chatweb.ChatKitClient.addMessage;
import static dev.breakdown.chatweb.ChatKitClient.create;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.chatweb.LiveChatWebTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The thread store on PostgreSQL (CHAT_DATASOURCE_URL): Flyway migrates a database another service already uses, and
 * threads, items, paging, titles, feedback and deletes behave as on the embedded database. Needs the local PostgreSQL
 * (127.0.0.1:5432, user postgres, trust; TEST_PG_URL / TEST_PG_USER / TEST_PG_PASSWORD to point elsewhere): without
 * it the test fails.
 */
class ChatKitPostgresTest extends LiveChatWebTest {
    private static final String SERVER = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");
    private static final String DATABASE = "breakdown_test_chat_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        execute("postgres", "CREATE DATABASE " + DATABASE);
        // The shared database of a compose setup: another service's tables are already there.
        execute(DATABASE, "CREATE TABLE meeting (id VARCHAR(64) PRIMARY KEY)");
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @AfterAll
    static void drop() {
        // FORCE closes the pool the cached context still holds (PostgreSQL 13+).
        execute("postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void threadsAndItemsLiveInPostgres() {
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo(DATABASE);
        assertThat(jdbc.sql("SELECT version FROM flyway_history_chat WHERE success ORDER BY installed_rank")
                .query(String.class).list()).as("baselined below V1, then migrated").containsExactly("0", "1");
        String user = "pg-user-" + UUID.randomUUID();
        MODEL.answerText("First ", "answer.");
        List<JsonNode> events = chatkit.events(user, create("Stored in PostgreSQL?"));
        String threadId = events.get(0).get("thread").get("id").asString();
        MODEL.answerText("Second answer.");
        chatkit.events(user, addMessage(threadId, "And again?"));
        MODEL.answerText("Other thread.");
        String other = chatkit.events(user, create("Another thread")).get(0).get("thread").get("id").asString();

        JsonNode thread = chatkit.json(user, "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");
        assertThat(thread.get("title").asString()).isEqualTo("Stored in PostgreSQL?");
        assertThat(thread.get("created_at").asString()).isEqualTo(events.get(0).get("thread").get("created_at").asString());
        assertThat(thread.get("items").get("data")).extracting(i -> i.get("content").get(0).get("text").asString())
                .containsExactly("Stored in PostgreSQL?", "First answer.", "And again?", "Second answer.");

        JsonNode page = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\",\"limit\":3}}");
        assertThat(page.get("has_more").asBoolean()).isTrue();
        JsonNode rest = chatkit.json(user, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"limit\":3,\"after\":\"" + page.get("after").asString() + "\"}}");
        assertThat(rest.get("data")).extracting(i -> i.get("content").get(0).get("text").asString())
                .containsExactly("Stored in PostgreSQL?");

        JsonNode threads = chatkit.json(user, "{\"type\":\"threads.list\",\"params\":{\"limit\":1}}");
        assertThat(threads.get("data").get(0).get("id").asString()).isEqualTo(other);
        assertThat(threads.get("after").asString()).isEqualTo(other);

        String answerId = page.get("data").get(0).get("id").asString();
        chatkit.json(user, "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId + "\",\"item_ids\":[\""
                + answerId + "\"],\"kind\":\"positive\"}}");
        assertThat(jdbc.sql("SELECT feedback FROM chat_item WHERE id = ?").param(answerId).query(String.class).single())
                .isEqualTo("positive");

        chatkit.json(user, "{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");
        assertThat(jdbc.sql("SELECT count(*) FROM chat_item WHERE thread_id = ?").param(threadId).query(Long.class).single())
                .isZero();
        assertThat(chatkit.post("someone-else", "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + other + "\"}}")
                .statusCode()).isEqualTo(404);
    }

    private static void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + database, USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("This test needs a running PostgreSQL at " + SERVER + " (user " + USER
                    + ", trust authentication) but '" + sql + "' failed: " + e.getMessage()
                    + ". Start PostgreSQL, or point TEST_PG_URL / TEST_PG_USER / TEST_PG_PASSWORD at one.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
