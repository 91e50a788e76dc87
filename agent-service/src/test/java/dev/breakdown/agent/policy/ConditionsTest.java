package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import org.junit.jupiter.api.Test;

/** Every condition kind, through a one-rule policy file: does the rule act, and what reason does explain give. */
class ConditionsTest {

    /** A policy whose single rule escalates to triage when {@code when} holds. */
    private static PolicyHarness when(String conditions) {
        return PolicyHarness.of("""
                teams: {triage: }
                rules:
                  - name: r
                    when:
                %s
                    then: {escalate_owner: {team: triage}}
                """.formatted(conditions.indent(6).stripTrailing()));
    }

    private static boolean matches(String conditions, IssueEvent event) {
        return !when(conditions).run(event).isEmpty();
    }

    private static String reason(String conditions, IssueEvent event) {
        return when(conditions).explain(event).rules().get(0).conditions().get(0).reason();
    }

    @Test
    void sourceMatchesOneOrAList() {
        assertThat(matches("source: jira", issue().source("jira").issueKey("P-1").build())).isTrue();
        assertThat(matches("source: [jira, github]", issue().build())).isTrue();
        assertThat(matches("source: jira", issue().build())).isFalse();
    }

    @Test
    void typeMatchesOneOrAList() {
        assertThat(matches("type: [issue_opened, issue_created]", issue().type("issue_created").build())).isTrue();
        assertThat(matches("type: issue_opened", issue().type("issue_updated").build())).isFalse();
        assertThat(reason("type: issue_opened", issue().type("issue_updated").build()))
                .isEqualTo("type issue_updated is not issue_opened");
    }

    @Test
    void projectMatches() {
        assertThat(matches("project: alpha", issue().build())).isTrue();
        assertThat(matches("project: beta", issue().build())).isFalse();
    }

    @Test
    void repoTakesGlobs() {
        assertThat(matches("repo: acme/*", issue().repo("acme/web").build())).isTrue();
        assertThat(matches("repo: acme/*", issue().repo("other/web").build())).isFalse();
        assertThat(matches("repo: [\"*/docs\", \"acme/w?b\"]", issue().repo("acme/wib").build())).isTrue();
        assertThat(matches("repo: \"**\"", issue().repo("a/b").build())).isTrue();
    }

    @Test
    void labelsAnyAllNone() {
        assertThat(matches("labels: {any: [ui, frontend]}", issue("Frontend").build())).isTrue();
        assertThat(matches("labels: {all: [bug, ui]}", issue("bug").build())).isFalse();
        assertThat(matches("labels: {all: [bug, ui]}", issue("ui", "BUG").build())).isTrue();
        assertThat(matches("labels: {any: [bug], none: [wontfix]}", issue("bug", "wontfix").build())).isFalse();
        assertThat(reason("labels: {any: [bug], none: [wontfix]}", issue("bug").build()))
                .isEqualTo("label bug, no label wontfix");
    }

    @Test
    void priorityIgnoresCase() {
        assertThat(matches("priority: [P0, Highest]", issue().priority("highest").build())).isTrue();
        assertThat(matches("priority: [P0, Highest]", issue().priority("High").build())).isFalse();
        assertThat(matches("priority: [P0]", issue().build())).isFalse();
    }

    @Test
    void assigneePresentOrAbsent() {
        assertThat(matches("assignee: present", issue().assignee("bob").build())).isTrue();
        assertThat(matches("assignee: present", issue().assignee(" ").build())).isFalse();
        assertThat(matches("assignee: absent", issue().build())).isTrue();
    }

    @Test
    void titleAndBodyTakeRegularExpressions() {
        assertThat(matches("title: \"(?i)crash\"", issue().title("App CRASHES on start").build())).isTrue();
        assertThat(matches("title: {pattern: \"^Docs\"}", issue().title("Fix docs").build())).isFalse();
        assertThat(matches("body: \"stack trace\"", issue().bodyPreview("see the stack trace").build())).isTrue();
        assertThat(matches("body: \"stack trace\"", issue().build())).isFalse();
        assertThat(reason("title: \"50[0-9]\"", issue().title("answers 503").build())).isEqualTo("title matches /50[0-9]/ at '503'");
    }

    @Test
    void statusMatchesAList() {
        assertThat(matches("status: [In Progress, Blocked]", issue().status("in progress").build())).isTrue();
        assertThat(matches("status: Blocked", issue().status("Open").build())).isFalse();
    }

    @Test
    void overdueComparesDaysInTheZone() {
        assertThat(matches("overdue: true", issue().dueAt("2025-10-19").build())).isTrue();
        assertThat(matches("overdue: true", issue().dueAt("2025-10-20").build())).isFalse();
        assertThat(matches("overdue: false", issue().build())).isTrue();
        assertThat(reason("overdue: true", issue().build())).isEqualTo("no due date");
    }

    @Test
    void overdueLabelDoesNotCountUnlessTheRuleSaysSo() {
        assertThat(matches("overdue: true", issue("overdue").build())).isFalse();
        assertThat(matches("""
                any_of:
                  - overdue: true
                  - labels: {any: [overdue]}""", issue("overdue").build())).isTrue();
    }

    @Test
    void dueWithinCountsTodayAndTheNextDays() {
        assertThat(matches("due_within: 2d", issue().dueAt("2025-10-20").build())).isTrue();
        assertThat(matches("due_within: 2d", issue().dueAt("2025-10-22").build())).isTrue();
        assertThat(matches("due_within: 2d", issue().dueAt("2025-10-23").build())).isFalse();
        assertThat(matches("due_within: 1w", issue().dueAt("2025-10-19").build())).isFalse();
        assertThat(matches("due_within: 2d", issue().build())).isFalse();
    }

    @Test
    void stateOpenMeansNotClosed() {
        assertThat(matches("state: open", issue().state(null).build())).isTrue();
        assertThat(matches("state: open", issue().state("Closed").build())).isFalse();
        assertThat(matches("state: closed", issue().state("closed").build())).isTrue();
    }

    @Test
    void anyOfNeedsOneBlockWhoseConditionsAllHold() {
        String either = """
                any_of:
                  - {labels: {any: [bug]}, priority: P0}
                  - title: urgent""";
        assertThat(matches(either, issue("bug").priority("P0").build())).isTrue();
        assertThat(matches(either, issue("bug").priority("P2").build())).isFalse();
        assertThat(matches(either, issue().title("urgent: fix").build())).isTrue();
        assertThat(reason(either, issue("bug").build())).isEqualTo(
                "none of the alternatives: priority none is not P0; title does not match /urgent/");
    }

    @Test
    void ruleWithoutConditionsAlwaysActs() {
        assertThat(PolicyHarness.of("""
                teams: {triage: }
                rules: [{name: all, then: {escalate_owner: {team: triage}}}]
                """).run(issue().build())).hasSize(1);
    }
}
