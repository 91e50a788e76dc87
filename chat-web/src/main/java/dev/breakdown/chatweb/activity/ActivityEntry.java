package dev.breakdown.chatweb.activity;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.OutcomeEvent;

/** One action the gateway recorded, with its outcome once that arrived ({@code null} until then). */
public record ActivityEntry(String issueKey, ActionEvent action, OutcomeEvent outcome) {

    public ActivityEntry withOutcome(OutcomeEvent result) {
        return new ActivityEntry(issueKey, action, result);
    }
}
