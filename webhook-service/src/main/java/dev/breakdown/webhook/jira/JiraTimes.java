package dev.breakdown.webhook.jira;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** Jira writes {@code 2025-09-01T11:15:00.000+0200}: ISO-like, but with an offset without colon. */
final class JiraTimes {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private JiraTimes() {
    }

    /** The instant, or null when Jira sent none or something unreadable (the event is still worth keeping). */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip(), FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
