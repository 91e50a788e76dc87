package dev.breakdown.chatweb.assistant.tool;

import java.util.Locale;

/**
 * Whether what the user named matches a record: people say "PROJ-789" or "checkout#123" where the issue key is
 * {@code jira:PROJ-789} or {@code github:acme/checkout#123}, and "alice" where the target is {@code owner:alice}.
 */
final class Matches {

    private Matches() {
    }

    static boolean issue(String wanted, String issueKey, String sourceRef) {
        if (blank(wanted)) {
            return true;
        }
        String w = wanted.strip().toLowerCase(Locale.ROOT);
        String key = issueKey == null ? "" : issueKey.toLowerCase(Locale.ROOT);
        if (key.equals(w) || key.endsWith(":" + w) || key.endsWith("/" + w)) {
            return true;
        }
        return sourceRef != null && sourceRef.toLowerCase(Locale.ROOT).equals(w);
    }

    static boolean person(String wanted, String who) {
        if (blank(wanted)) {
            return true;
        }
        String w = wanted.strip().toLowerCase(Locale.ROOT);
        String p = who == null ? "" : who.toLowerCase(Locale.ROOT);
        return p.equals(w) || p.endsWith(":" + w);
    }

    /** Whether free text (a title, a message) mentions the issue, with or without its {@code jira:}/{@code github:}. */
    static boolean mentioned(String wanted, String text) {
        if (blank(wanted)) {
            return true;
        }
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return t.contains(wanted.strip().toLowerCase(Locale.ROOT).replaceFirst("^(jira|github):", ""));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
