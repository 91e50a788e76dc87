package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.Evaluation;
import dev.breakdown.contracts.IssueEvent;

/** A configured condition of a rule, tested against one event. */
@FunctionalInterface
public interface Condition {

    Check test(IssueEvent event, Evaluation evaluation);
}
