package dev.breakdown.webhook.intake;

/**
 * The first 280 characters of an issue's prose, for a person skimming the event: fenced code blocks left out,
 * whitespace collapsed. One pass that stops once the preview is full: bodies run to megabytes, and regex
 * replacements over the whole body were half of intake's CPU time under load.
 */
public final class BodyPreview {
    public static final int LENGTH = 280;
    private static final String FENCE = "```";

    private BodyPreview() {
    }

    public static String of(String body) {
        if (body == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(LENGTH + 16);
        int leading = 0;
        boolean pendingSpace = false;
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            // Code blocks (stack traces, logs) are not prose and would crowd out the sentence that explains the issue.
            if (c == '`' && body.startsWith(FENCE, i)) {
                int close = body.indexOf(FENCE, i + FENCE.length());
                i = close < 0 ? n : close + FENCE.length();
                pendingSpace = true;
                continue;
            }
            i++;
            if (isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                text.append(' ');
                pendingSpace = false;
                if (leading == text.length() - 1) {
                    leading++;
                }
            }
            text.append(c);
            if (leading == text.length() - 1 && Character.isWhitespace(c)) {
                leading++;
            }
            // A non-blank character past the limit: whatever follows, the stripped text is longer than the preview.
            if (text.length() - leading > LENGTH && !Character.isWhitespace(c)) {
                break;
            }
        }
        String stripped = text.toString().strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.length() <= LENGTH) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(LENGTH - 1)) ? LENGTH - 1 : LENGTH;
        return stripped.substring(0, end);
    }

    // What the regex \s matches: the characters the preview collapses.
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
