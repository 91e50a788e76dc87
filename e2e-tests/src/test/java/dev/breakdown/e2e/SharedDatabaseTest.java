package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * agent-service and calendar-service from their jars, both pointed at ONE fresh PostgreSQL database through their own
 * variables: each migrates into its own Flyway history table, the second into a database that is no longer empty.
 * Needs PostgreSQL at TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/, user postgres, trust authentication).
 */
class SharedDatabaseTest {

    private static final String SERVER = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");

    private final String database = "breakdown_shared_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final StartedServices services = new StartedServices();

    @AfterEach
    void dropDatabase() throws Exception {
        services.close();
        execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void agentAndCalendarMigrateAndWorkInOneDatabase(@TempDir Path dir) throws Exception {
        execute(SERVER + "postgres", "CREATE DATABASE " + database);
        String url = SERVER + database;

        ServiceProcess agent = services.start("agent-service", dir.resolve("agent"), Map.of(
                "AGENT_DATASOURCE_URL", url, "AGENT_DATASOURCE_USERNAME", USER, "AGENT_DATASOURCE_PASSWORD", PASSWORD));
        services.awaitHealthy();
        ServiceProcess calendar = services.start("calendar-service", dir.resolve("calendar"), Map.of(
                "CALENDAR_DATASOURCE_URL", url, "CALENDAR_DATASOURCE_USERNAME", USER,
                "CALENDAR_DATASOURCE_PASSWORD", PASSWORD));
        services.awaitHealthy();

        assertThat(query(url, "SELECT version || ' ' || type || ' ' || success FROM flyway_history_agent"
                + " ORDER BY installed_rank")).containsExactly("1 SQL true");
        assertThat(query(url, "SELECT version || ' ' || type || ' ' || success FROM flyway_history_calendar"
                + " ORDER BY installed_rank")).startsWith("0 BASELINE true", "1 SQL true", "2 SQL true")
                .allSatisfy(row -> assertThat(row).endsWith(" true"));
        assertThat(query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .contains("assignment", "nudge", "meetings", "nudges").doesNotContain("flyway_schema_history");

        byte[] event = Files.readAllBytes(Path.of("..", "samples", "events", "frontend-issue.json"));
        assertThat(Http.postJson(agent.url("/run"), event, "Accept", "application/json").statusCode()).isEqualTo(200);
        var nudge = Http.postJson(calendar.url("/api/nudges"),
                "{\"to\": \"team:triage\", \"message\": \"One database\"}".getBytes(StandardCharsets.UTF_8),
                "Accept", "application/json");
        assertThat(nudge.statusCode()).as(nudge.body()).isEqualTo(201);
        assertThat(query(url, "SELECT message FROM nudges")).containsExactly("One database");
    }

    private static List<String> query(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
