package dev.breakdown.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Data written by V1 (JSON participants, nudges marked sent) comes through the later migrations, on both databases. */
class MigrationTest {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase("migration");

    @RegisterExtension
    static final EmbeddedDatabase embedded = new EmbeddedDatabase();

    @Test
    void versionOneDataIsMigratedOnPostgres() throws SQLException {
        migrateVersionOneData(postgres.url(), "postgres");
    }

    @Test
    void versionOneDataIsMigratedOnTheEmbeddedDatabase() throws SQLException {
        migrateVersionOneData(embedded.url(), "sa");
    }

    private static void migrateVersionOneData(String url, String user) throws SQLException {
        flyway(url, user, "1").migrate();
        try (Connection db = DriverManager.getConnection(url, user, "");
             Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO meetings (id, title, participants, start_at, duration_min, status, created_at)
                    VALUES ('m-1', 'Old', '["owner:alice","team:triage","Bob"]', TIMESTAMP WITH TIME ZONE '2025-10-21 15:00:00+00',
                            30, 'scheduled', TIMESTAMP WITH TIME ZONE '2025-10-20 12:00:00+00')""");
            sql.execute("""
                    INSERT INTO nudges (id, recipient, message, priority, status, created_at)
                    VALUES ('n-1', 'team:triage', 'hi', 'normal', 'sent', TIMESTAMP WITH TIME ZONE '2025-10-20 12:00:00+00')""");
        }

        flyway(url, user, "latest").migrate();

        try (Connection db = DriverManager.getConnection(url, user, "");
             Statement sql = db.createStatement()) {
            assertThat(column(sql, "SELECT participant FROM meeting_participants WHERE meeting_id = 'm-1' ORDER BY position"))
                    .containsExactly("owner:alice", "team:triage", "Bob");
            assertThat(column(sql, "SELECT person FROM meeting_attendees WHERE meeting_id = 'm-1' ORDER BY person"))
                    .containsExactlyInAnyOrder("alice", "Bob");
            try (ResultSet rs = sql.executeQuery("SELECT end_at, sequence FROM meetings WHERE id = 'm-1'")) {
                rs.next();
                assertThat(rs.getObject("end_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo("2025-10-21T15:30:00Z");
                assertThat(rs.getInt("sequence")).isZero();
            }
            assertThat(column(sql, "SELECT status FROM nudges WHERE id = 'n-1'")).containsExactly("stored");
        }
    }

    private static Flyway flyway(String url, String user, String target) {
        return Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target(target).load();
    }

    private static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
