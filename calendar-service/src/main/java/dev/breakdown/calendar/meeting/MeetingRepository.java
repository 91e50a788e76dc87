package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.idempotency.Stored;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.calendar.Meeting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings in the {@code meetings} table. Rows carry no ICS text: it is rendered from the row on read. */
@Repository
public class MeetingRepository {

    private static final String COLUMNS =
            "id, title, participants, start_at, duration_min, status, created_at, request_fingerprint";

    private final JdbcClient jdbc;

    public MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new meeting; a second row with the same idempotency key violates the UNIQUE constraint. */
    public void insert(Meeting meeting, String idempotencyKey, String fingerprint) {
        jdbc.sql("""
                        INSERT INTO meetings (id, title, participants, start_at, duration_min, status, created_at,
                                              idempotency_key, request_fingerprint)
                        VALUES (:id, :title, :participants, :startAt, :durationMin, :status, :createdAt,
                                :idempotencyKey, :fingerprint)
                        """)
                .param("id", meeting.id())
                .param("title", meeting.title())
                .param("participants", Json.mapper().writeValueAsString(meeting.participants()))
                .param("startAt", meeting.startAt().atOffset(ZoneOffset.UTC))
                .param("durationMin", meeting.durationMin())
                .param("status", meeting.status())
                .param("createdAt", meeting.createdAt().atOffset(ZoneOffset.UTC))
                .param("idempotencyKey", idempotencyKey)
                .param("fingerprint", fingerprint)
                .update();
    }

    public Optional<Meeting> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meetings WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> meeting(rs))
                .optional();
    }

    public Optional<Stored<Meeting>> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meetings WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new Stored<>(meeting(rs), rs.getString("request_fingerprint")))
                .optional();
    }

    /** Newest first. */
    public List<Meeting> findLatest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meetings ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> meeting(rs))
                .list();
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(
                rs.getString("id"),
                rs.getString("title"),
                List.of(Json.mapper().readValue(rs.getString("participants"), String[].class)),
                rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                rs.getInt("duration_min"),
                rs.getString("status"),
                null,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
