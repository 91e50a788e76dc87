package dev.breakdown.agent.nudge;

import dev.breakdown.agent.policy.DecisionContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps each target under its nudge limit per window (windows are aligned to the epoch, e.g. whole hours).
 * Within the limit a nudge goes out; the first one beyond it goes out as a notice that further ones are
 * held; the rest are held and listed as one digest in the target's next nudge of a later window, or sent on
 * their own by {@link DigestTimer} once their window has ended, whichever comes first. Every
 * verdict is stored per event, rule and target, so a replayed event gets the same answer.
 */
@Repository
public class NudgeThrottle {

    static final String SENT = "sent";
    static final String NOTICE = "notice";
    static final String HELD = "held";
    private static final int DIGEST_LINES = 50;

    private final JdbcTemplate jdbc;

    public NudgeThrottle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What happens to this nudge; with {@code context.dryRun()} nothing is stored. */
    public Verdict admit(DecisionContext context, String target, String message, NudgeLimit limit) {
        Optional<Verdict> earlier = stored(context, target);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long per = limit.per().toMillis();
        long window = Math.floorDiv(context.now().toEpochMilli(), per) * per;
        Instant windowEnd = Instant.ofEpochMilli(window + per);
        int sent = count(target, window, SENT);
        Verdict verdict;
        String outcome;
        List<String> digest = List.of();
        if (sent < limit.max()) {
            digest = jdbc.queryForList("SELECT message FROM nudge WHERE target = ? AND outcome = ? AND window_start < ?"
                    + " AND delivered_by IS NULL ORDER BY created_at, event_id", String.class, target, HELD, window);
            outcome = SENT;
            verdict = new Verdict(false, message + digest(digest, target),
                    digest.isEmpty() ? "" : ", with a digest of " + digest.size() + " held nudges");
        } else if (count(target, window, NOTICE) == 0) {
            outcome = NOTICE;
            verdict = new Verdict(false, "Nudge limit reached for " + target + " (" + limit + "): further nudges until "
                    + windowEnd + " are held and sent as one digest after that.\n\n" + message,
                    ", the first beyond the limit of " + limit + ": it says further nudges are held for a digest");
        } else {
            outcome = HELD;
            verdict = new Verdict(true, null, ", held for the digest: the limit of " + limit + " is reached until " + windowEnd);
        }
        if (context.dryRun()) {
            return verdict;
        }
        try {
            jdbc.update("INSERT INTO nudge (event_id, rule_name, target, window_start, outcome, message, note, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", context.eventId(), context.rule(), target, window, outcome,
                    outcome.equals(HELD) ? message : verdict.message(), verdict.note(), context.now().toEpochMilli());
        } catch (DuplicateKeyException raced) {
            return stored(context, target).orElse(verdict);
        }
        if (!digest.isEmpty()) {
            jdbc.update("UPDATE nudge SET delivered_by = ? WHERE target = ? AND outcome = ? AND window_start < ?"
                    + " AND delivered_by IS NULL", context.eventId(), target, HELD, window);
        }
        return verdict;
    }

    private Optional<Verdict> stored(DecisionContext context, String target) {
        // The same answer as the first time: a replay must not turn a held nudge into a ping or back.
        return jdbc.query("SELECT outcome, message, note FROM nudge WHERE event_id = ? AND rule_name = ? AND target = ?",
                (rs, n) -> new Verdict(rs.getString(1).equals(HELD), rs.getString(1).equals(HELD) ? null : rs.getString(2),
                        rs.getString(3)),
                context.eventId(), context.rule(), target).stream().findFirst();
    }

    /** Targets with held nudges from windows that began before {@code windowStart} and were never delivered. */
    public List<String> targetsWithHeldNudges(long windowStart) {
        return jdbc.queryForList("SELECT DISTINCT target FROM nudge WHERE outcome = ? AND window_start < ?"
                + " AND delivered_by IS NULL", String.class, HELD, windowStart);
    }

    /**
     * Marks a target's undelivered held nudges from windows before {@code windowStart} as delivered by {@code claim}
     * and returns the digest of everything under that claim (empty: nothing to send). The UPDATE takes only rows
     * nobody delivered yet, so timer passes (of one or several instances) share one claim and one Idempotency-Key.
     */
    public Optional<String> claimDigest(String target, long windowStart, String claim) {
        jdbc.update("UPDATE nudge SET delivered_by = ? WHERE target = ? AND outcome = ? AND window_start < ?"
                + " AND delivered_by IS NULL", claim, target, HELD, windowStart);
        List<String> held = jdbc.queryForList("SELECT message FROM nudge WHERE delivered_by = ? AND outcome = ?"
                + " ORDER BY created_at, event_id", String.class, claim, HELD);
        return held.isEmpty() ? Optional.empty() : Optional.of(digest(held, target).strip());
    }

    /** Gives claimed rows back, for the next attempt, when the digest could not be sent. */
    public void release(String claim) {
        jdbc.update("UPDATE nudge SET delivered_by = NULL WHERE delivered_by = ?", claim);
    }

    private int count(String target, long window, String outcome) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM nudge WHERE target = ? AND window_start = ? AND outcome = ?",
                Integer.class, target, window, outcome);
        return n == null ? 0 : n;
    }

    private static String digest(List<String> held, String target) {
        if (held.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n\nDigest: " + held.size() + " nudges for " + target
                + " were held while the limit was reached:");
        held.stream().limit(DIGEST_LINES).forEach(m -> text.append("\n- ").append(m.replace('\n', ' ')));
        if (held.size() > DIGEST_LINES) {
            text.append("\n- ... and ").append(held.size() - DIGEST_LINES).append(" more");
        }
        return text.toString();
    }

    /**
     * @param held    true: no nudge goes out for this event now
     * @param message the text to send when not held
     * @param note    words for the rationale and explain
     */
    public record Verdict(boolean held, String message, String note) {
    }
}
