package dev.breakdown.gateway.action;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds the ActionEvent for a decision, with an id that a replay of the same issue event reproduces. */
public final class ActionEvents {

    private ActionEvents() {
    }

    public static ActionEvent of(IssueEvent issue, Decision decision, Instant now) {
        return new ActionEvent(
                idOf(issue.eventId(), decision),
                issue.projectId(),
                decision.action(),
                decision.target(),
                decision.rationale(),
                issue.url(),
                issue.eventId(),
                decision.policy(),
                now);
    }

    /** Name-based UUID over "issueEventId|policy|action|target". */
    public static String idOf(String issueEventId, Decision decision) {
        String name = issueEventId + "|" + decision.policy() + "|" + decision.action() + "|" + decision.target();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
