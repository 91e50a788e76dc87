package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.TODAY;
import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.agent.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped default file reproduces the original four policies, sample by sample and edge by edge. */
class DefaultPoliciesTest {

    private static final Path SAMPLES = Path.of("..", "samples", "events");
    private final PolicyHarness defaults = PolicyHarness.defaults(TODAY);

    private static IssueEvent sample(String file) throws IOException {
        return Json.mapper().readValue(Files.readString(SAMPLES.resolve(file)), IssueEvent.class);
    }

    @Test
    void p0BugSampleIsEscalatedToPlatform() throws IOException {
        Decision decision = defaults.only(sample("p0-bug.json"));

        assertThat(decision.action()).isEqualTo("escalate_owner");
        assertThat(decision.target()).isEqualTo("team:platform");
        assertThat(decision.policy()).isEqualTo("p0-bug-escalation");
        assertThat(decision.rationale())
                .isEqualTo("P0 bug: label bug, priority P0 and label p0; escalated to team platform");
    }

    @Test
    void frontendSampleIsAssignedToAlice() throws IOException {
        Decision decision = defaults.only(sample("frontend-issue.json"));

        assertThat(decision.action()).isEqualTo("assign_owner");
        assertThat(decision.target()).isEqualTo("owner:alice");
        assertThat(decision.policy()).isEqualTo("frontend-specialist");
        assertThat(decision.rationale()).contains("label frontend").contains("alice");
    }

    @Test
    void overdueJiraSampleGetsAFifteenMinuteUnblockerWithBob() throws IOException {
        Decision decision = defaults.only(sample("overdue-jira.json"));

        assertThat(decision.action()).isEqualTo("schedule_unblocker");
        assertThat(decision.target()).isEqualTo("owner:Bob Builder");
        assertThat(decision.participants()).containsExactly("Bob Builder");
        assertThat(decision.durationMin()).isEqualTo(15);
        assertThat(decision.message()).isEqualTo("Unblock: Migrate billing exports to the new warehouse");
        assertThat(decision.rationale()).contains("due 2025-10-10").contains("today 2025-10-20");
    }

    @Test
    void docsSampleIsNudgedToTriage() throws IOException {
        Decision decision = defaults.only(sample("docs-issue.json"));

        assertThat(decision.action()).isEqualTo("post_nudge");
        assertThat(decision.target()).isEqualTo("team:triage");
        assertThat(decision.policy()).isEqualTo("new-issue-triage");
        assertThat(decision.message())
                .isEqualTo("New issue needs triage: Document the new API rate limits https://github.com/acme/docs/issues/77");
    }

    @Test
    void rulesAreInTheOriginalOrder() {
        assertThat(defaults.engine.policyNames())
                .containsExactly("p0-bug-escalation", "frontend-specialist", "overdue-unblocker", "new-issue-triage");
    }

    @Test
    void firstMatchingRuleWins() {
        List<Decision> decisions = defaults.run(issue("frontend", "bug", "p0", "overdue").type("issue_opened").build());

        assertThat(decisions).extracting(Decision::policy).containsExactly("p0-bug-escalation");
    }

    @Test
    void priorityIsComparedIgnoringCaseAndSpaces() {
        assertThat(defaults.run(issue("bug").priority(" highest ").build())).hasSize(1);
        assertThat(defaults.run(issue("Bug").priority("p0").build())).hasSize(1);
        assertThat(defaults.run(issue("bug").priority("P1").build())).isEmpty();
        assertThat(defaults.run(issue("p0").priority("P0").build())).isEmpty();
    }

    @Test
    void issueDueTodayOrLaterIsNotOverdue() {
        assertThat(defaults.run(issue().dueAt("2025-10-20").build())).isEmpty();
        assertThat(defaults.run(issue().dueAt("2025-10-20T00:00:01Z").build())).isEmpty();
        assertThat(defaults.run(issue().dueAt("2025-11-01").build())).isEmpty();
        assertThat(defaults.run(issue().dueAt("next week").build())).isEmpty();
    }

    @Test
    void dateTimeDueIsComparedByItsDay() {
        assertThat(defaults.run(issue().dueAt("2025-10-19T23:59:59Z").build())).hasSize(1);
        assertThat(defaults.run(issue().dueAt("2025-10-19T09:00:00+02:00").build())).hasSize(1);
    }

    @Test
    void unassignedOverdueIssueMeetsTriage() {
        Decision decision = defaults.only(issue().dueAt("2025-10-01").build());

        assertThat(decision.target()).isEqualTo("team:triage");
        assertThat(decision.participants()).containsExactly("team:triage");
    }

    @Test
    void overdueLabelCountsWithoutADueDate() {
        Decision decision = defaults.only(issue("Overdue").assignee("carol").build());

        assertThat(decision.target()).isEqualTo("owner:carol");
        assertThat(decision.rationale()).contains("label overdue");
    }

    @Test
    void closedIssueIsNeverOverdue() {
        assertThat(defaults.run(issue("overdue").dueAt("2025-10-01").state("closed").build())).isEmpty();
        assertThat(defaults.run(issue().dueAt("2025-10-01").state("CLOSED").build())).isEmpty();
    }

    @Test
    void todayIsTheDayInTheConfiguredZone() {
        // 2025-10-20T02:00Z is still the 19th in New York: an issue due on the 19th is not overdue there yet.
        Clock earlyUtc = Clock.fixed(Instant.parse("2025-10-20T02:00:00Z"), ZoneOffset.UTC);
        String newYork = "zone: America/New_York\n" + PolicyFiles.read("classpath:policies/default.yml");

        assertThat(PolicyHarness.of(newYork, earlyUtc).run(issue().dueAt("2025-10-19").build())).isEmpty();
        assertThat(PolicyHarness.defaults(earlyUtc).run(issue().dueAt("2025-10-19").build())).hasSize(1);
    }

    @Test
    void updateNoRuleCaresAboutYieldsNothing() {
        assertThat(defaults.run(issue("backend").type("issue_updated").build())).isEmpty();
        assertThat(defaults.run(issue().type("issue_closed").build())).isEmpty();
    }
}
