package dev.breakdown.agent.policy.action;

import dev.breakdown.agent.policy.DecisionContext;
import dev.breakdown.contracts.IssueEvent;

/** A configured action of a rule: what it proposes for one event. */
public interface Action {

    /** The action name of the decision, e.g. {@code assign_owner}. */
    String kind();

    Proposal propose(IssueEvent event, DecisionContext context);
}
