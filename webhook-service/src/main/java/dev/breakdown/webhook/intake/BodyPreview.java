package dev.breakdown.webhook.intake;

import java.util.regex.Pattern;

/** The first 280 characters of an issue's prose, for a person skimming the event. */
public final class BodyPreview {
    public static final int LENGTH = 280;
    // Code blocks (stack traces, logs) are not prose and would crowd out the sentence that explains the issue.
    private static final Pattern FENCED_CODE = Pattern.compile("```.*?(?:```|\\z)", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private BodyPreview() {
    }

    public static String of(String body) {
        if (body == null) {
            return null;
        }
        String text = WHITESPACE.matcher(FENCED_CODE.matcher(body).replaceAll(" ")).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() <= LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(LENGTH - 1)) ? LENGTH - 1 : LENGTH;
        return text.substring(0, end);
    }
}
