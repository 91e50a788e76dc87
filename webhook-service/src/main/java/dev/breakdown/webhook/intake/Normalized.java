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

    record Ignored(String action, String reason) implements Normalized {
    }

    static Normalized ignored(String action, String reason) {
        return new Ignored(action, reason);
    }
}
