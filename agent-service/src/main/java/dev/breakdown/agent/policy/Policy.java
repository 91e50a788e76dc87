package dev.breakdown.agent.policy;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.util.Optional;

/**
 * One rule of the agent. Policies are Spring beans tried in {@code @Order}; the first that
 * decides something wins, so adding a policy touches no other class.
 */
public interface Policy {

    /** The name recorded in {@link Decision#policy()}, e.g. {@code p0-bug-escalation}. */
    String name();

    /** The decision for this event, or empty when the rule does not apply. */
    Optional<Decision> decide(IssueEvent event);
}
