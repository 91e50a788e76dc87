package dev.breakdown.chatweb.assistant.tool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The time arguments the model passes to tools: an ISO instant ({@code 2026-11-29T08:00:00Z}), a date
 * ({@code 2026-11-29}, its start in UTC) or a span back from now ({@code 24h}, {@code 7d}, {@code 30m}).
 */
record TimeWindow(Instant from, Instant to) {

    static TimeWindow of(String since, String until, Duration fallback, Clock clock) {
        Instant now = clock.instant();
        Instant from = since == null || since.isBlank() ? now.minus(fallback) : parse("since", since, now);
        Instant to = until == null || until.isBlank() ? null : parse("until", until, now);
        return new TimeWindow(from, to);
    }

    boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && (to == null || at.isBefore(to));
    }

    static Instant parse(String name, String text, Instant now) {
        String value = text.strip();
        try {
            if (value.matches("\\d+[mhdw]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                Duration unit = switch (value.toLowerCase(Locale.ROOT).charAt(value.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(1);
                    case 'h' -> Duration.ofHours(1);
                    case 'd' -> Duration.ofDays(1);
                    default -> Duration.ofDays(7);
                };
                return now.minus(unit.multipliedBy(amount));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is neither an ISO time (2026-11-29T08:00:00Z), "
                    + "a date (2026-11-29) nor a span back from now (24h, 7d)");
        }
    }
}
