package dev.breakdown.agent.team.strategy;

import dev.breakdown.agent.policy.DecisionContext;
import dev.breakdown.contracts.IssueEvent;

/** A strategy configured by one {@code assign_owner} action. */
@FunctionalInterface
public interface Assigner {

    Assignment assign(IssueEvent event, DecisionContext context);
}
