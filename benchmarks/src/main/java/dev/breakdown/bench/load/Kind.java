package dev.breakdown.bench.load;

import java.util.List;

/**
 * The kinds of GitHub {@code issues} delivery the load sends, one per rule of agent-service's default policies
 * ({@code policies/default.yml}), each with the sample it is built from and the one action its rule decides.
 */
enum Kind {
    P0_BUG("p0-bug-escalation", "escalate_owner", "github-issue-opened-p0-bug.json", "opened"),
    FRONTEND("frontend-specialist", "assign_owner", "github-issue-opened-frontend.json", "opened"),
    // An assignee and a milestone whose due date has passed: the overdue rule, a meeting in the calendar.
    OVERDUE("overdue-unblocker", "schedule_unblocker", "github-issue-opened-docs.json", "milestoned"),
    TRIAGE("new-issue-triage", "post_nudge", "github-issue-opened-docs.json", "opened");

    static final List<Kind> ALL = List.of(values());

    final String policy;
    final String action;
    final String sample;
    final String githubAction;

    Kind(String policy, String action, String sample, String githubAction) {
        this.policy = policy;
        this.action = action;
        this.sample = sample;
        this.githubAction = githubAction;
    }

    /** The kinds in turn, so every policy gets a quarter of any window of the load. */
    static Kind of(long sequence) {
        return ALL.get((int) (sequence % ALL.size()));
    }

    /** Whether the action leaves a meeting or a nudge in calendar-service. */
    boolean callsCalendar() {
        return this == OVERDUE || this == TRIAGE;
    }
}
