package dev.breakdown.bench.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments; an unknown one stops the run with the accepted names. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (valued.contains(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete argument '" + args[i] + "'; accepted: --"
                        + String.join(", --", valued.stream().sorted().toList()) + " (each with a value), --"
                        + String.join(", --", flags.stream().sorted().toList()));
            }
        }
    }

    /** Checks at once that these options, where given, are numbers (or one of the words), so a typo stops the run. */
    Options numbers(Set<String> names, String... words) {
        for (String name : names) {
            String v = values.get(name);
            if (v != null && !List.of(words).contains(v)) {
                number(name, 0);
            }
        }
        return this;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got '" + v + "'");
        }
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    static Set<String> set(String... names) {
        return Set.copyOf(List.of(names));
    }
}
