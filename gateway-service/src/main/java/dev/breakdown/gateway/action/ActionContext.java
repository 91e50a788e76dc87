package dev.breakdown.gateway.action;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;

/** What an executor needs: the recorded action, the agent's decision behind it and the issue it is about. */
public record ActionContext(ActionEvent action, Decision decision, IssueEvent issue) {

    /** The key that makes a repeated side effect a no-op downstream: the action's deterministic id. */
    public String idempotencyKey() {
        return action.eventId();
    }
}
