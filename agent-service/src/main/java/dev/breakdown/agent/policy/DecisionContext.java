package dev.breakdown.agent.policy;

import dev.breakdown.agent.nudge.NudgeThrottle;
import dev.breakdown.agent.team.AssignmentLedger;
import java.time.Instant;

/**
 * What an action sees while deciding: the rule and issue it acts for, the time, and the shared state.
 *
 * @param eventTime the event's own time (updated_at, else created_at, else now), so replays decide alike
 * @param dryRun    explain: read state, never write it
 */
public record DecisionContext(String eventId, String rule, String issueKey, Instant now, Instant eventTime,
                              boolean dryRun, AssignmentLedger ledger, NudgeThrottle throttle) {
}
