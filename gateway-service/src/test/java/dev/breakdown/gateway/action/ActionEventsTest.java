package dev.breakdown.gateway.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.agent.Decision;
import org.junit.jupiter.api.Test;

class ActionEventsTest {

    @Test
    void sameIssueEventAndDecisionGiveTheSameId() {
        Decision decision = Decision.of("post_nudge", "team:triage", "new issue", "new-issue-nudge");
        Decision reworded = Decision.of("post_nudge", "team:triage", "other words", "new-issue-nudge");

        assertThat(ActionEvents.idOf("evt-1", decision)).isEqualTo(ActionEvents.idOf("evt-1", reworded));
    }

    @Test
    void anotherTargetPolicyOrEventGivesAnotherId() {
        String id = ActionEvents.idOf("evt-1", Decision.of("post_nudge", "team:triage", null, "p"));

        assertThat(ActionEvents.idOf("evt-1", Decision.of("post_nudge", "team:platform", null, "p"))).isNotEqualTo(id);
        assertThat(ActionEvents.idOf("evt-1", Decision.of("post_nudge", "team:triage", null, "q"))).isNotEqualTo(id);
        assertThat(ActionEvents.idOf("evt-2", Decision.of("post_nudge", "team:triage", null, "p"))).isNotEqualTo(id);
    }
}
