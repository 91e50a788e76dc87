package dev.breakdown.agent.team;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The open issues we assigned, per person, in the database so every instance and every restart sees the
 * same load. One row per event and rule: a replayed event finds its row and counts once.
 */
@Repository
public class AssignmentLedger {

    private final JdbcTemplate jdbc;

    public AssignmentLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the assignment unless this event and rule already did; answers the owner that stands. */
    public String record(String eventId, String rule, String issueKey, String team, String owner, Instant at) {
        Optional<String> earlier = recorded(eventId, rule);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            jdbc.update("INSERT INTO assignment (event_id, rule_name, issue_key, team, assignee, assigned_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", eventId, rule, issueKey, team, owner, Timestamp.from(at));
            return owner;
        } catch (DuplicateKeyException raced) {
            // Another instance handled the same event at the same moment; its answer stands.
            return recorded(eventId, rule).orElse(owner);
        }
    }

    public Optional<String> recorded(String eventId, String rule) {
        return jdbc.queryForList("SELECT assignee FROM assignment WHERE event_id = ? AND rule_name = ?",
                String.class, eventId, rule).stream().findFirst();
    }

    /** The person we assigned this still-open issue to, if any (the latest assignment). */
    public Optional<String> openOwner(String issueKey) {
        return jdbc.queryForList("SELECT assignee FROM assignment WHERE issue_key = ? AND released_at IS NULL"
                + " ORDER BY assigned_at DESC", String.class, issueKey).stream().findFirst();
    }

    /** Open issues per person (each issue once, however many events assigned it). */
    public Map<String, Integer> openCounts(List<String> people) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        people.forEach(p -> counts.put(p, 0));
        jdbc.query("SELECT assignee, COUNT(DISTINCT issue_key) FROM assignment WHERE released_at IS NULL GROUP BY assignee",
                rs -> {
                    if (counts.containsKey(rs.getString(1))) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                });
        return counts;
    }

    /** A closed issue no longer counts; repeating this changes nothing. */
    public int release(String issueKey, Instant at) {
        return jdbc.update("UPDATE assignment SET released_at = ? WHERE issue_key = ? AND released_at IS NULL",
                Timestamp.from(at), issueKey);
    }
}
