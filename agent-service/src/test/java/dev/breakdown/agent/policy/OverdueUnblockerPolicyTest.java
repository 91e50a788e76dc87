package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.DEFAULTS;
import static dev.breakdown.agent.policy.Events.TODAY;
import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.contracts.agent.Decision;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverdueUnblockerPolicyTest {

    private final OverdueUnblockerPolicy policy = new OverdueUnblockerPolicy(DEFAULTS, TODAY);

    @Test
    void issueDueYesterdayGetsAnUnblockerWithItsAssignee() {
        Decision decision = policy.decide(issue().dueAt("2025-10-19").assignee("Bob Builder").build()).orElseThrow();

        assertThat(decision.action()).isEqualTo("schedule_unblocker");
        assertThat(decision.target()).isEqualTo("owner:Bob Builder");
        assertThat(decision.participants()).containsExactly("Bob Builder");
        assertThat(decision.durationMin()).isEqualTo(15);
        assertThat(decision.policy()).isEqualTo("overdue-unblocker");
        assertThat(decision.rationale()).contains("due 2025-10-19").contains("2025-10-20");
    }

    @Test
    void issueDueTodayIsNotOverdue() {
        assertThat(policy.decide(issue().dueAt("2025-10-20").build())).isEmpty();
    }

    @Test
    void issueDueInTheFutureIsNotOverdue() {
        assertThat(policy.decide(issue().dueAt("2025-11-01").build())).isEmpty();
    }

    @Test
    void dateTimeDueIsComparedByItsDay() {
        assertThat(policy.decide(issue().dueAt("2025-10-20T00:00:01Z").build())).isEmpty();
        assertThat(policy.decide(issue().dueAt("2025-10-19T23:59:59Z").build())).isPresent();
        assertThat(policy.decide(issue().dueAt("2025-10-19T09:00:00+02:00").build())).isPresent();
    }

    @Test
    void todayIsTheDayInTheConfiguredZone() {
        // 2025-10-20T02:00Z is still 2025-10-19 in New York, so an issue due on the 19th is not overdue there yet.
        Clock earlyUtc = Clock.fixed(Instant.parse("2025-10-20T02:00:00Z"), ZoneOffset.UTC);
        var newYork = new AgentProperties("platform", "triage", "alice", 15, ZoneId.of("America/New_York"));

        assertThat(new OverdueUnblockerPolicy(newYork, earlyUtc).decide(issue().dueAt("2025-10-19").build())).isEmpty();
        assertThat(new OverdueUnblockerPolicy(DEFAULTS, earlyUtc).decide(issue().dueAt("2025-10-19").build())).isPresent();
    }

    @Test
    void unassignedOverdueIssueGoesToTriage() {
        Decision decision = policy.decide(issue().dueAt("2025-10-01").build()).orElseThrow();

        assertThat(decision.target()).isEqualTo("team:triage");
        assertThat(decision.participants()).isEqualTo(List.of("team:triage"));
    }

    @Test
    void overdueLabelCountsWithoutADueDate() {
        Decision decision = policy.decide(issue("Overdue").assignee("carol").build()).orElseThrow();

        assertThat(decision.target()).isEqualTo("owner:carol");
        assertThat(decision.rationale()).contains("label overdue");
    }

    @Test
    void closedIssueIsNeverOverdue() {
        assertThat(policy.decide(issue("overdue").dueAt("2025-10-01").state("closed").build())).isEmpty();
        assertThat(policy.decide(issue().dueAt("2025-10-01").state("CLOSED").build())).isEmpty();
    }

    @Test
    void unreadableOrMissingDueDateIsNotOverdue() {
        assertThat(policy.decide(issue().dueAt("next week").build())).isEmpty();
        assertThat(policy.decide(issue().build())).isEmpty();
    }

    @Test
    void meetingLengthComesFromConfiguration() {
        var thirty = new AgentProperties("platform", "triage", "alice", 30, ZoneOffset.UTC);

        assertThat(new OverdueUnblockerPolicy(thirty, TODAY).decide(issue("overdue").build()).orElseThrow().durationMin())
                .isEqualTo(30);
    }
}
