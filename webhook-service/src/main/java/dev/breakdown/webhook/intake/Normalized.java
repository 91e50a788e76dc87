package dev.breakdown.webhook.intake;

import dev.breakdown.contracts.IssueEvent;

/** What a source makes of a delivery: an event to store, or a reason to ignore it. */
public sealed interface Normalized {

    /** The raw action, for the metrics tag. */
    String action();

    record Issue(IssueEvent event) implements Normalized {
        @Override
        public String action() {
            return event.action();
        }
    }

    /** @param result the metrics tag: {@code ignored}, or {@code own_change} for Breakdown's own writes (loop prevention) */
    record Ignored(String action, String reason, String result) implements Normalized {
    }

    static Normalized ignored(String action, String reason) {
        return new Ignored(action, reason, "ignored");
    }

    /** A change Breakdown itself made: acting on it again would loop. */
    static Normalized ownChange(String action, String reason) {
        return new Ignored(action, reason, "own_change");
    }
}
