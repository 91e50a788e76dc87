package dev.breakdown.webhook.intake;

import java.util.Map;

/**
 * The part of a payload a normalizer reads: a property kept whole ({@link #ALL}) or only some of its properties.
 * GitHub payloads are mostly repository, sender and issue-body text that no normalizer reads; building a tree of
 * all of it was the largest single cost of intake.
 */
public record Fields(Map<String, Fields> properties) {
    /** Keep the whole value. */
    public static final Fields ALL = new Fields(null);

    public static Fields of(Map<String, Fields> properties) {
        return new Fields(Map.copyOf(properties));
    }

    public boolean all() {
        return properties == null;
    }

    /** What to keep of the property {@code name}, or null to skip its value. */
    Fields child(String name) {
        return properties == null ? ALL : properties.get(name);
    }
}
