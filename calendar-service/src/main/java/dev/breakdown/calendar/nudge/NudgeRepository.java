package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.idempotency.Stored;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Nudges in the {@code nudges} table ({@code to} is a reserved word in SQL, hence {@code recipient}). A pending
 * delivery is a row with status {@code pending} and the time of its next attempt, so it survives a restart.
 */
@Repository
public class NudgeRepository {

    private static final String COLUMNS = "id, recipient, message, priority, link, status, channel, webhook_url, attempts,"
            + " next_attempt_at, reason, created_at, sent_at, request_fingerprint";

    private final JdbcClient jdbc;

    public NudgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new nudge; a second row with the same idempotency key violates the UNIQUE constraint. */
    public void insert(StoredNudge nudge, String idempotencyKey, String fingerprint) {
        jdbc.sql("""
                        INSERT INTO nudges (id, recipient, message, priority, link, status, channel, webhook_url, attempts,
                                            next_attempt_at, reason, created_at, idempotency_key, request_fingerprint)
                        VALUES (:id, :recipient, :message, :priority, :link, :status, :channel, :webhook, 0,
                                :nextAttemptAt, :reason, :createdAt, :idempotencyKey, :fingerprint)
                        """)
                .param("id", nudge.id())
                .param("recipient", nudge.to())
                .param("message", nudge.message())
                .param("priority", nudge.priority())
                .param("link", nudge.link())
                .param("status", nudge.status())
                .param("channel", nudge.channel())
                .param("webhook", nudge.webhook() == null ? null : nudge.webhook().toString())
                .param("nextAttemptAt", utc(nudge.nextAttemptAt()))
                .param("reason", nudge.reason())
                .param("createdAt", utc(nudge.createdAt()))
                .param("idempotencyKey", idempotencyKey)
                .param("fingerprint", fingerprint)
                .update();
    }

    public Optional<StoredNudge> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudges WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> nudge(rs))
                .optional();
    }

    public Optional<Stored<StoredNudge>> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudges WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new Stored<>(nudge(rs), rs.getString("request_fingerprint")))
                .optional();
    }

    /** Newest first, optionally only those to one target, with one status and/or about one issue link. */
    public List<StoredNudge> find(String to, String status, String link, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudges WHERE (:to IS NULL OR recipient = :to)"
                        + " AND (:status IS NULL OR status = :status) AND (:link IS NULL OR link = :link)"
                        + " ORDER BY seq DESC LIMIT :limit")
                .param("to", to, java.sql.Types.VARCHAR)
                .param("status", status, java.sql.Types.VARCHAR)
                .param("link", link, java.sql.Types.VARCHAR)
                .param("limit", limit)
                .query((rs, n) -> nudge(rs))
                .list();
    }

    /** Pending deliveries whose next attempt is due, oldest first. */
    public List<StoredNudge> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM nudges WHERE status = 'pending' AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT :limit")
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, n) -> nudge(rs))
                .list();
    }

    /**
     * Takes a due delivery for one attempt by pushing its next attempt to {@code leaseUntil}; false when another
     * sender (thread or instance) took it first. A sender that dies mid-attempt leaves it to be retried after the lease.
     */
    public boolean claim(StoredNudge nudge, Instant now, Instant leaseUntil) {
        return jdbc.sql("UPDATE nudges SET next_attempt_at = :lease WHERE id = :id AND status = 'pending'"
                        + " AND attempts = :attempts AND next_attempt_at <= :now")
                .param("lease", utc(leaseUntil))
                .param("id", nudge.id())
                .param("attempts", nudge.attempts())
                .param("now", utc(now))
                .update() == 1;
    }

    /** Records the outcome of one attempt: sent, pending again (with the next attempt) or failed. */
    public void recordAttempt(String id, int attempts, String status, Instant nextAttemptAt, String reason, Instant sentAt) {
        jdbc.sql("UPDATE nudges SET status = :status, attempts = :attempts, next_attempt_at = :next, reason = :reason,"
                        + " sent_at = :sentAt WHERE id = :id")
                .param("id", id)
                .param("status", status)
                .param("attempts", attempts)
                .param("next", utc(nextAttemptAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("reason", reason, java.sql.Types.VARCHAR)
                .param("sentAt", utc(sentAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    private static StoredNudge nudge(ResultSet rs) throws SQLException {
        String webhook = rs.getString("webhook_url");
        return new StoredNudge(
                rs.getString("id"),
                rs.getString("recipient"),
                rs.getString("message"),
                rs.getString("priority"),
                rs.getString("link"),
                rs.getString("status"),
                rs.getString("channel"),
                webhook == null ? null : URI.create(webhook),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("reason"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
