package dev.breakdown.agent.policy;

import dev.breakdown.agent.policy.action.Action;
import java.util.List;

/**
 * One rule of the policy file.
 *
 * @param description  the rationale's opening words, e.g. "P0 bug"; defaults to the name
 * @param continueAfter whether later rules may also act after this one matched
 */
public record Rule(String name, String description, int line, List<When> when, List<Action> then,
                   boolean continueAfter) {
}
