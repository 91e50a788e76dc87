package dev.breakdown.gateway.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.IssueEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tracker keeps for an issue after each event, and when the sweep calls it overdue. */
class DueIssueTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    @Test
    void openIssueWithDueDateIsKeptWithTheFieldsOfItsLatestEventButNotItsEventIdOrBody() {
        DueIssue due = DueIssue.after(event("open", "2026-03-09T17:00:00+02:00"), null);

        assertThat(due.issueKey()).isEqualTo("jira:OPS-7");
        assertThat(due.dueDate()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(due.sweptDueDate()).isNull();
        assertThat(due.issue().title()).isEqualTo("Renew the TLS certificates");
        assertThat(due.issue().assignee()).isEqualTo("bob");
        assertThat(due.issue().labels()).containsExactly("ops");
        assertThat(due.issue().eventId()).isNull();
        assertThat(due.issue().bodyPreview()).isNull();
    }

    @Test
    void closedIssueOrIssueWithoutDueDateLeavesNothingToSweep() {
        DueIssue before = DueIssue.after(event("open", "2026-03-09"), null);

        assertThat(DueIssue.after(event("closed", "2026-03-09"), before)).isNull();
        assertThat(DueIssue.after(event("open", "2026-03-09").toBuilder().type("issue_closed").build(), before)).isNull();
        assertThat(DueIssue.after(event("open", null), before)).isNull();
        assertThat(DueIssue.after(event("open", "next friday"), before)).isNull();
    }

    @Test
    void sweptDueDateStaysSweptUntilTheDueDateChanges() {
        DueIssue swept = DueIssue.after(event("open", "2026-03-09"), null).swept();

        assertThat(DueIssue.after(event("open", "2026-03-09").toBuilder().title("Renamed").build(), swept).sweptDueDate())
                .isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(DueIssue.after(event("open", "2026-03-08"), swept).sweptDueDate()).isNull();
    }

    @Test
    void overdueMeansDueBeforeTodayAndNotYetSwept() {
        DueIssue yesterday = DueIssue.after(event("open", "2026-03-09"), null);

        assertThat(yesterday.overdueOn(TODAY)).isTrue();
        assertThat(yesterday.swept().overdueOn(TODAY)).isFalse();
        assertThat(DueIssue.after(event("open", "2026-03-10"), null).overdueOn(TODAY)).as("due today").isFalse();
        assertThat(DueIssue.after(event("open", "2026-03-11"), null).overdueOn(TODAY)).isFalse();
    }

    @Test
    void overdueEventHasTheSameIdWhoeverPublishesItAndCarriesTheIssueFields() {
        DueIssue due = DueIssue.after(event("open", "2026-03-09"), null);

        IssueEvent one = due.overdueEvent(Instant.parse("2026-03-10T00:05:00Z"));
        IssueEvent other = due.overdueEvent(Instant.parse("2026-03-12T08:00:00Z"));

        assertThat(one.eventId()).isEqualTo("overdue:jira:OPS-7:2026-03-09").isEqualTo(other.eventId());
        assertThat(one.type()).isEqualTo("issue_overdue");
        assertThat(one.action()).isEqualTo("sweep");
        assertThat(one.topicKey()).isEqualTo("jira:OPS-7");
        assertThat(one.dueAt()).isEqualTo("2026-03-09");
        assertThat(one.projectId()).isEqualTo("alpha");
        assertThat(one.priority()).isEqualTo("High");
        assertThat(one.url()).isEqualTo("https://acme.atlassian.net/browse/OPS-7");
        assertThat(DueIssue.isSweepEvent(one)).isTrue();
    }

    @Test
    void overdueEventComingBackMarksOnlyTheCurrentDueDateSwept() {
        DueIssue due = DueIssue.after(event("open", "2026-03-09"), null);
        IssueEvent announced = due.overdueEvent(Instant.parse("2026-03-10T00:05:00Z"));
        DueIssue moved = DueIssue.after(event("open", "2026-03-12"), due);

        assertThat(DueTracker.next(announced, due).sweptDueDate()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(DueTracker.next(announced, moved)).as("the due date changed meanwhile").isEqualTo(moved);
        assertThat(DueTracker.next(announced, null)).as("closed meanwhile").isNull();
    }

    private static IssueEvent event(String state, String dueAt) {
        return IssueEvent.builder()
                .eventId("evt-1")
                .projectId("alpha")
                .source("jira")
                .type("issue_updated")
                .issueKey("OPS-7")
                .title("Renew the TLS certificates")
                .url("https://acme.atlassian.net/browse/OPS-7")
                .labels(List.of("ops"))
                .assignee("bob")
                .priority("High")
                .status("In Progress")
                .state(state)
                .dueAt(dueAt)
                .bodyPreview("The certificates expire on ...")
                .action("jira:issue_updated")
                .build();
    }
}
