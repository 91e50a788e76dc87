package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.idempotency.Stored;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings with their participants and attendees as rows, so that lists, feeds and busy checks can query them. */
@Repository
public class MeetingRepository {

    private static final String COLUMNS = "m.id, m.title, m.start_at, m.duration_min, m.status, m.sequence, m.issue,"
            + " m.requested_start, m.scheduling_reason, m.created_at, m.updated_at, m.request_fingerprint";

    private final JdbcClient jdbc;

    public MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new meeting; a second row with the same idempotency key violates the UNIQUE constraint. */
    public void insert(StoredMeeting meeting, String idempotencyKey, String fingerprint) {
        jdbc.sql("""
                        INSERT INTO meetings (id, title, start_at, end_at, duration_min, status, sequence, issue,
                                              requested_start, scheduling_reason, created_at, updated_at,
                                              idempotency_key, request_fingerprint)
                        VALUES (:id, :title, :startAt, :endAt, :durationMin, :status, :sequence, :issue,
                                :requestedStart, :reason, :createdAt, :updatedAt, :idempotencyKey, :fingerprint)
                        """)
                .param("id", meeting.id())
                .param("title", meeting.title())
                .param("startAt", utc(meeting.startAt()))
                .param("endAt", utc(meeting.endAt()))
                .param("durationMin", meeting.durationMin())
                .param("status", meeting.status())
                .param("sequence", meeting.sequence())
                .param("issue", meeting.issue())
                .param("requestedStart", utc(meeting.requestedStart()))
                .param("reason", meeting.reason())
                .param("createdAt", utc(meeting.createdAt()))
                .param("updatedAt", utc(meeting.updatedAt()))
                .param("idempotencyKey", idempotencyKey)
                .param("fingerprint", fingerprint)
                .update();
        for (int i = 0; i < meeting.participants().size(); i++) {
            jdbc.sql("INSERT INTO meeting_participants (meeting_id, position, participant) VALUES (:id, :position, :p)")
                    .param("id", meeting.id()).param("position", i).param("p", meeting.participants().get(i))
                    .update();
        }
        for (String person : meeting.attendees()) {
            jdbc.sql("INSERT INTO meeting_attendees (meeting_id, person) VALUES (:id, :person)")
                    .param("id", meeting.id()).param("person", person)
                    .update();
        }
    }

    /** Saves a reschedule or a cancellation (times, status, sequence, how the slot was chosen). */
    public void update(StoredMeeting meeting) {
        jdbc.sql("""
                        UPDATE meetings SET start_at = :startAt, end_at = :endAt, duration_min = :durationMin,
                               status = :status, sequence = :sequence, requested_start = :requestedStart,
                               scheduling_reason = :reason, updated_at = :updatedAt
                        WHERE id = :id
                        """)
                .param("id", meeting.id())
                .param("startAt", utc(meeting.startAt()))
                .param("endAt", utc(meeting.endAt()))
                .param("durationMin", meeting.durationMin())
                .param("status", meeting.status())
                .param("sequence", meeting.sequence())
                .param("requestedStart", utc(meeting.requestedStart()))
                .param("reason", meeting.reason())
                .param("updatedAt", utc(meeting.updatedAt()))
                .update();
    }

    public Optional<StoredMeeting> findById(String id) {
        return withPeople(jdbc.sql("SELECT " + COLUMNS + " FROM meetings m WHERE m.id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .list()).stream().findFirst();
    }

    public Optional<Stored<StoredMeeting>> findByIdempotencyKey(String key) {
        Map<String, String> fingerprints = new HashMap<>();
        List<StoredMeeting> found = withPeople(jdbc.sql("SELECT " + COLUMNS + " FROM meetings m WHERE m.idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> {
                    fingerprints.put(rs.getString("id"), rs.getString("request_fingerprint"));
                    return row(rs);
                })
                .list());
        return found.stream().findFirst().map(m -> new Stored<>(m, fingerprints.get(m.id())));
    }

    /** By start time when a time range is given, else newest first. */
    public List<StoredMeeting> find(MeetingQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM meetings m WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        boolean byParticipant = query.participants() != null && !query.participants().isEmpty();
        boolean byPerson = query.people() != null && !query.people().isEmpty();
        if (byParticipant || byPerson) {
            List<String> who = new ArrayList<>();
            if (byParticipant) {
                who.add("EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id AND p.participant IN (:participants))");
                params.put("participants", query.participants());
            }
            if (byPerson) {
                who.add("EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.person IN (:people))");
                params.put("people", query.people());
            }
            sql.append(" AND (").append(String.join(" OR ", who)).append(")");
        }
        if (query.from() != null) {
            sql.append(" AND m.end_at > :from");
            params.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND m.start_at < :to");
            params.put("to", utc(query.to()));
        }
        if (query.status() != null) {
            sql.append(" AND m.status = :status");
            params.put("status", query.status());
        }
        if (query.issue() != null) {
            sql.append(" AND m.issue = :issue");
            params.put("issue", query.issue());
        }
        sql.append(query.byTime() ? " ORDER BY m.start_at, m.seq" : " ORDER BY m.seq DESC").append(" LIMIT :limit");
        params.put("limit", query.limit());
        return withPeople(jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list());
    }

    /** Scheduled meetings of these people that overlap [from, to), other than {@code except}. */
    public List<Busy> busy(Collection<String> people, Instant from, Instant to, String except) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT a.person, m.id, m.start_at, m.end_at FROM meetings m
                        JOIN meeting_attendees a ON a.meeting_id = m.id
                        WHERE a.person IN (:people) AND m.status = 'scheduled' AND m.start_at < :to AND m.end_at > :from
                          AND m.id <> :except
                        """)
                .param("people", people)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("except", except == null ? "" : except)
                .query((rs, n) -> new Busy(rs.getString("person"), rs.getString("id"),
                        instant(rs, "start_at"), instant(rs, "end_at")))
                .list();
    }

    /**
     * Locks the people's rows until the surrounding transaction ends, in one order so two bookings cannot deadlock;
     * the rows are created first, each in its own statement, because a failed insert would spoil a PostgreSQL
     * transaction.
     */
    public void ensureLockRows(Collection<String> people) {
        for (String person : people) {
            try {
                jdbc.sql("INSERT INTO person_locks (person) SELECT :person WHERE NOT EXISTS"
                                + " (SELECT 1 FROM person_locks WHERE person = :person)")
                        .param("person", person).update();
            } catch (DuplicateKeyException createdMeanwhile) {
                // another booking created it between our check and our insert: it exists, which is all we need
            }
        }
    }

    /** Must run inside a transaction: blocks while another transaction holds any of these people. */
    public void lock(Collection<String> people) {
        if (!people.isEmpty()) {
            jdbc.sql("SELECT person FROM person_locks WHERE person IN (:people) ORDER BY person FOR UPDATE")
                    .param("people", people).query(String.class).list();
        }
    }

    /** A meeting that takes a person's time. */
    public record Busy(String person, String meetingId, Instant start, Instant end) {

        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && end.isAfter(from);
        }
    }

    private List<StoredMeeting> withPeople(List<StoredMeeting> meetings) {
        if (meetings.isEmpty()) {
            return meetings;
        }
        Set<String> ids = meetings.stream().map(StoredMeeting::id).collect(java.util.stream.Collectors.toSet());
        Map<String, List<String>> participants = new HashMap<>();
        jdbc.sql("SELECT meeting_id, participant FROM meeting_participants WHERE meeting_id IN (:ids) ORDER BY meeting_id, position")
                .param("ids", ids)
                .query(rs -> {
                    participants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, List<String>> attendees = new HashMap<>();
        jdbc.sql("SELECT meeting_id, person FROM meeting_attendees WHERE meeting_id IN (:ids) ORDER BY meeting_id, person")
                .param("ids", ids)
                .query(rs -> {
                    attendees.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, StoredMeeting> ordered = new LinkedHashMap<>();
        for (StoredMeeting m : meetings) {
            ordered.put(m.id(), new StoredMeeting(m.id(), m.title(), participants.getOrDefault(m.id(), List.of()),
                    attendees.getOrDefault(m.id(), List.of()), m.startAt(), m.durationMin(), m.status(), m.sequence(),
                    m.issue(), m.requestedStart(), m.reason(), m.createdAt(), m.updatedAt()));
        }
        return List.copyOf(ordered.values());
    }

    private static StoredMeeting row(ResultSet rs) throws SQLException {
        return new StoredMeeting(rs.getString("id"), rs.getString("title"), List.of(), List.of(),
                instant(rs, "start_at"), rs.getInt("duration_min"), rs.getString("status"), rs.getInt("sequence"),
                rs.getString("issue"), instant(rs, "requested_start"), rs.getString("scheduling_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
