package dev.breakdown.calendar.web;

import java.util.List;

/** Checks shared by the request bodies, each naming the JSON field in its error. */
public final class TextRules {

    private TextRules() {
    }

    /** A required one-line text: present, not blank, at most {@code max} characters, no control characters. */
    public static String requiredLine(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw BadRequestException.missing(field, "a non-blank text");
        }
        String text = value.strip();
        checkLength(field, text, max);
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw BadRequestException.invalid(field, "must be a single line without control characters");
        }
        return text;
    }

    /** A required free text: like {@link #requiredLine} but line breaks and tabs are allowed. */
    public static String requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw BadRequestException.missing(field, "a non-blank text");
        }
        String text = value.strip();
        checkLength(field, text, max);
        // PostgreSQL rejects NUL in text columns, so control characters never reach the database.
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw BadRequestException.invalid(field, "must not contain control characters other than line breaks and tabs");
        }
        return text;
    }

    /** A required list of one-line texts. */
    public static List<String> requiredLines(String field, List<String> values, int maxItems, int maxLength) {
        if (values == null || values.isEmpty()) {
            throw BadRequestException.missing(field, "a list with at least one entry");
        }
        if (values.size() > maxItems) {
            throw BadRequestException.invalid(field, "may hold at most " + maxItems + " entries");
        }
        return java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> requiredLine(field + "[" + i + "]", values.get(i), maxLength))
                .toList();
    }

    private static void checkLength(String field, String text, int max) {
        if (text.length() > max) {
            throw BadRequestException.invalid(field, "may be at most " + max + " characters long (got " + text.length() + ")");
        }
    }
}
