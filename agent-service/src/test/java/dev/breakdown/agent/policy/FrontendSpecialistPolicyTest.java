package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.DEFAULTS;
import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.contracts.agent.Decision;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FrontendSpecialistPolicyTest {

    @Test
    void frontendIssueIsAssignedToTheSpecialist() {
        Decision decision = new FrontendSpecialistPolicy(DEFAULTS).decide(issue("frontend").build()).orElseThrow();

        assertThat(decision.action()).isEqualTo("assign_owner");
        assertThat(decision.target()).isEqualTo("owner:alice");
        assertThat(decision.policy()).isEqualTo("frontend-specialist");
        assertThat(decision.rationale()).contains("label frontend").contains("alice");
    }

    @Test
    void otherIssuesAreNotAssigned() {
        assertThat(new FrontendSpecialistPolicy(DEFAULTS).decide(issue("backend", "ui").build())).isEmpty();
    }

    @Test
    void specialistComesFromConfiguration() {
        var policy = new FrontendSpecialistPolicy(new AgentProperties("platform", "triage", "dana", 15, ZoneOffset.UTC));

        assertThat(policy.decide(issue("FrontEnd").build()).orElseThrow().target()).isEqualTo("owner:dana");
    }
}
