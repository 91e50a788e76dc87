package dev.breakdown.calendar.nudge;

import java.net.URI;
import java.time.Instant;

/**
 * A nudge and its delivery state. {@code webhook} is the channel's incoming-webhook URL: a secret, kept for the
 * retries and never shown.
 */
public record StoredNudge(String id, String to, String message, String priority, String link, String status,
                          String channel, URI webhook, int attempts, Instant nextAttemptAt, String reason,
                          Instant createdAt, Instant sentAt) {

    public static final String STORED = "stored";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    /** What the channel shows: the message, and the issue link when the message does not carry it already. */
    public String text() {
        return link == null || message.contains(link) ? message : message + "\n" + link;
    }
}
