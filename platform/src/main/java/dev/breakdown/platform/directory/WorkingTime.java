package dev.breakdown.platform.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Working hours and days as the directory writes them, for every reader of such text. */
public final class WorkingTime {

    private WorkingTime() {
    }

    /** {@code "09:00-17:00"}: the start first (no overnight hours); empty when the text is not of that form. */
    public static Optional<Hours> hours(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                LocalTime start = LocalTime.parse(parts[0]);
                LocalTime end = LocalTime.parse(parts[1]);
                if (start.isBefore(end)) {
                    return Optional.of(new Hours(start, end));
                }
            }
        } catch (DateTimeParseException e) {
            // not hours: the caller reports it with its position
        }
        return Optional.empty();
    }

    /**
     * One day ({@code mon}, {@code Monday}: three letters or more, any case) or a range ({@code mon-fri};
     * {@code fri-mon} wraps over the weekend); empty when the text is neither.
     */
    public static Optional<Set<DayOfWeek>> days(String text) {
        String[] range = text.trim().split("\\s*-\\s*", -1);
        Optional<DayOfWeek> from = range.length <= 2 ? day(range[0]) : Optional.empty();
        Optional<DayOfWeek> to = range.length == 2 ? day(range[1]) : from;
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.of(from.get());
        for (DayOfWeek d = from.get(); d != to.get(); d = d.plus(1)) {
            days.add(d.plus(1));
        }
        return Optional.of(days);
    }

    private static Optional<DayOfWeek> day(String text) {
        String prefix = text.trim().toUpperCase(Locale.ROOT);
        if (prefix.length() < 3) {
            return Optional.empty();
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(prefix)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Working hours of a day, local to a person's zone; {@code start} is before {@code end}. */
    public record Hours(LocalTime start, LocalTime end) {
    }
}
