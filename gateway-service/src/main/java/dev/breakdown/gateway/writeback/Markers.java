package dev.breakdown.gateway.writeback;

/**
 * The hidden marks in what Breakdown writes: every comment names the action that wrote it, an escalation comment
 * also its target, so a retried or replayed action finds its comment instead of posting a second one. On GitHub
 * they are HTML comments (invisible); Jira's ADF has no hidden text, so there they are the comment's last line.
 * webhook-service drops comment webhooks that contain {@value #PREFIX}.
 */
public final class Markers {

    public static final String PREFIX = "breakdown:";

    private Markers() {
    }

    public static String action(String actionId) {
        return PREFIX + "action=" + actionId;
    }

    public static String escalation(String target) {
        return PREFIX + "escalation=" + target;
    }

    /** The markers as invisible HTML comments for a GitHub comment body. */
    public static String hidden(String... markers) {
        StringBuilder text = new StringBuilder();
        for (String marker : markers) {
            text.append("\n<!-- ").append(marker).append(" -->");
        }
        return text.toString();
    }
}
