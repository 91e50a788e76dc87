package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.DEFAULTS;
import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.contracts.agent.Decision;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class P0BugEscalationPolicyTest {

    private final P0BugEscalationPolicy policy = new P0BugEscalationPolicy(DEFAULTS);

    @Test
    void bugWithPriorityP0IsEscalatedToPlatform() {
        Decision decision = policy.decide(issue("bug").priority("P0").build()).orElseThrow();

        assertThat(decision.action()).isEqualTo("escalate_owner");
        assertThat(decision.target()).isEqualTo("team:platform");
        assertThat(decision.policy()).isEqualTo("p0-bug-escalation");
        assertThat(decision.rationale()).startsWith("P0 bug: label bug with priority P0");
    }

    @Test
    void priorityIsComparedIgnoringCase() {
        assertThat(policy.decide(issue("bug").priority("highest").build())).isPresent();
        assertThat(policy.decide(issue("Bug").priority("p0").build())).isPresent();
        assertThat(policy.decide(issue("bug").priority(" Highest ").build())).isPresent();
    }

    @Test
    void bugWithLabelP0IsEscalatedWithoutAPriority() {
        Decision decision = policy.decide(issue("bug", "P0").build()).orElseThrow();

        assertThat(decision.target()).isEqualTo("team:platform");
        assertThat(decision.rationale()).contains("label p0");
    }

    @Test
    void bugWithLowerPriorityIsNotEscalated() {
        assertThat(policy.decide(issue("bug").priority("High").build())).isEmpty();
        assertThat(policy.decide(issue("bug").priority("P1").build())).isEmpty();
        assertThat(policy.decide(issue("bug").build())).isEmpty();
    }

    @Test
    void p0WithoutBugLabelIsNotEscalated() {
        assertThat(policy.decide(issue("p0").priority("P0").build())).isEmpty();
    }

    @Test
    void platformTeamComesFromConfiguration() {
        var custom = new P0BugEscalationPolicy(new AgentProperties("sre", "triage", "alice", 15, ZoneOffset.UTC));

        assertThat(custom.decide(issue("bug", "p0").build()).orElseThrow().target()).isEqualTo("team:sre");
    }
}
