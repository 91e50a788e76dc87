package dev.breakdown.gateway.writeback;

/**
 * An escalation to write: the label to add and a comment mentioning the audience, once per issue and target until
 * the issue changes hands or is closed and reopened. The audience's target (e.g. team:platform) is the key of "once".
 */
public record Escalation(Audience audience, String label, String reason) {

    public String target() {
        return audience.target();
    }
}
