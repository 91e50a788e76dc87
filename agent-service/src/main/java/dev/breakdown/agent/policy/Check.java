package dev.breakdown.agent.policy;

/** The result of one condition for one event, with the reason a person reads in explain and rationales. */
public record Check(boolean matched, String reason) {

    public static Check yes(String reason) {
        return new Check(true, reason);
    }

    public static Check no(String reason) {
        return new Check(false, reason);
    }
}
