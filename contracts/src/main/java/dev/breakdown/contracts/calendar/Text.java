package dev.breakdown.contracts.calendar;

/** Shared text rules of the calendar bodies. */
final class Text {

    /** No control characters at all (PostgreSQL rejects NUL; a title or name is one line). */
    static final String ONE_LINE = "\\P{Cc}*";
    static final String ONE_LINE_MESSAGE = "must be a single line without control characters";
    /** Line breaks and tabs allowed, no other control characters. */
    static final String MULTI_LINE = "[\\P{Cc}\\r\\n\\t]*";
    static final String MULTI_LINE_MESSAGE = "must not contain control characters other than line breaks and tabs";

    private Text() {
    }
}
