package dev.breakdown.contracts;

/** Topic names fixed by the architecture; every producer and consumer uses these constants. */
public final class Topics {
    public static final String ISSUES = "issues";
    public static final String ACTIONS = "actions";
    public static final String OUTCOMES = "outcomes";
    public static final String CHATKIT_TELEMETRY = "chatkit_telemetry";
    public static final String ISSUES_DLT = "issues-dlt";

    private Topics() {
    }
}
