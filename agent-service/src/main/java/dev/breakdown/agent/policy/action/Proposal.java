package dev.breakdown.agent.policy.action;

import java.util.List;

/**
 * What an action would do; the engine turns it into a Decision with the rule's rationale.
 *
 * @param summary what was decided, in words, appended to the rationale
 * @param held    true when a nudge is held back for a digest: explain shows it, {@code /run} leaves it out
 */
public record Proposal(String action, String target, String summary, List<String> participants, Integer durationMin,
                       String message, boolean held) {

    public static Proposal of(String action, String target, String summary) {
        return new Proposal(action, target, summary, null, null, null, false);
    }
}
