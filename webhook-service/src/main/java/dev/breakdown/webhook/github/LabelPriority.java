package dev.breakdown.webhook.github;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub has no priority field; teams encode it in labels. {@code p0}..{@code p4} (also {@code priority: p1})
 * become "P0".."P4"; {@code priority: high}, {@code priority/high}, {@code priority-high}, {@code high priority}
 * become "High". The most urgent P-label wins; otherwise the first named priority.
 */
final class LabelPriority {
    private static final Pattern P_LEVEL = Pattern.compile("(?:priority\\s*[:/_\\-]?\\s*)?p([0-4])");
    private static final Pattern PRIORITY_WORD = Pattern.compile("priority\\s*[:/_\\-]\\s*([a-z]+)");
    private static final Pattern WORD_PRIORITY = Pattern.compile("([a-z]+)[\\s_\\-]+priority");

    private LabelPriority() {
    }

    static String of(List<String> labels) {
        Optional<String> level = labels.stream()
                .map(LabelPriority::normalized)
                .map(P_LEVEL::matcher)
                .filter(Matcher::matches)
                .map(m -> "P" + m.group(1))
                .min(Comparator.naturalOrder());
        return level.orElseGet(() -> labels.stream()
                .map(LabelPriority::named)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null));
    }

    private static Optional<String> named(String label) {
        String text = normalized(label);
        for (Pattern pattern : List.of(PRIORITY_WORD, WORD_PRIORITY)) {
            Matcher m = pattern.matcher(text);
            if (m.matches()) {
                String word = m.group(1);
                return Optional.of(Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        return Optional.empty();
    }

    private static String normalized(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
