package dev.breakdown.agent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throw-away database on the local PostgreSQL server for one test class: created before the class,
 * dropped after it. No PostgreSQL means a failing test with a message saying so, never a skipped one.
 * Server and credentials: TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/), TEST_PG_USER (postgres),
 * TEST_PG_PASSWORD (empty, for trust authentication).
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String SERVER = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");

    private final String name;
    private boolean created;

    public PostgresDatabase(String purpose) {
        this.name = "breakdown_test_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Points Spring's datasource at this database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** The JDBC URL; creates the database on first use, whichever comes first: the class or the context. */
    public synchronized String url() {
        if (!created) {
            execute("CREATE DATABASE " + name);
            created = true;
        }
        return SERVER + name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        url();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (created) {
            // FORCE ends the connections the (still open) Spring context holds; PostgreSQL 13+.
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            created = false;
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("This test needs a running PostgreSQL at " + SERVER + " (user " + USER
                    + ", trust authentication) but '" + sql + "' failed: " + e.getMessage().replaceAll("\\.+$", "")
                    + ". Start PostgreSQL, or point TEST_PG_URL / TEST_PG_USER / TEST_PG_PASSWORD at one.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
