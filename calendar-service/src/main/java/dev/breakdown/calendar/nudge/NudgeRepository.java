package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.idempotency.Stored;
import dev.breakdown.contracts.calendar.Nudge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Nudges in the {@code nudges} table ({@code to} is a reserved word in SQL, hence {@code recipient}). */
@Repository
public class NudgeRepository {

    private static final String COLUMNS = "id, recipient, message, priority, status, created_at, request_fingerprint";

    private final JdbcClient jdbc;

    public NudgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new nudge; a second row with the same idempotency key violates the UNIQUE constraint. */
    public void insert(Nudge nudge, String idempotencyKey, String fingerprint) {
        jdbc.sql("""
                        INSERT INTO nudges (id, recipient, message, priority, status, created_at,
                                            idempotency_key, request_fingerprint)
                        VALUES (:id, :recipient, :message, :priority, :status, :createdAt, :idempotencyKey, :fingerprint)
                        """)
                .param("id", nudge.id())
                .param("recipient", nudge.to())
                .param("message", nudge.message())
                .param("priority", nudge.priority())
                .param("status", nudge.status())
                .param("createdAt", nudge.createdAt().atOffset(ZoneOffset.UTC))
                .param("idempotencyKey", idempotencyKey)
                .param("fingerprint", fingerprint)
                .update();
    }

    public Optional<Nudge> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudges WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> nudge(rs))
                .optional();
    }

    public Optional<Stored<Nudge>> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudges WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new Stored<>(nudge(rs), rs.getString("request_fingerprint")))
                .optional();
    }

    /** Newest first. */
    public List<Nudge> findLatest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudges ORDER BY seq DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> nudge(rs))
                .list();
    }

    private static Nudge nudge(ResultSet rs) throws SQLException {
        return new Nudge(
                rs.getString("id"),
                rs.getString("recipient"),
                rs.getString("message"),
                rs.getString("priority"),
                rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
