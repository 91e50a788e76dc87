package dev.breakdown.gateway.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.contracts.IssueEvent;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The value of a record on agent-gw-due (key: the issue key): an open issue with a due date, as its latest event
 * described it, and the due date the sweep already announced as overdue (null: not yet).
 *
 * @param issue the latest event's fields the overdue event is built from (event_id, body and raw action dropped)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DueIssue(
        @JsonProperty("issue_key") String issueKey,
        @JsonProperty("due_date") LocalDate dueDate,
        @JsonProperty("swept_due_date") LocalDate sweptDueDate,
        @JsonProperty("issue") IssueEvent issue) {

    public static final String OVERDUE_TYPE = "issue_overdue";
    public static final String SWEEP_ACTION = "sweep";

    /** The snapshot an event leaves, or null when the issue is closed or has no due date (nothing to sweep). */
    static DueIssue after(IssueEvent event, DueIssue before) {
        if (isClosed(event) || event.dueDate().isEmpty()) {
            return null;
        }
        LocalDate due = event.dueDate().get();
        // A new due date may be announced again: one unblocker per due date.
        LocalDate swept = before != null && due.equals(before.sweptDueDate()) ? due : null;
        IssueEvent fields = event.toBuilder().eventId(null).bodyPreview(null).action(null).build();
        return new DueIssue(event.topicKey(), due, swept, fields);
    }

    boolean overdueOn(LocalDate today) {
        return dueDate.isBefore(today) && !dueDate.equals(sweptDueDate);
    }

    DueIssue swept() {
        return new DueIssue(issueKey, dueDate, dueDate, issue);
    }

    /** Same id from every sweep, restart and instance, so the gateway's redelivery dedup keeps one of them. */
    static String overdueEventId(String issueKey, LocalDate dueDate) {
        return "overdue:" + issueKey + ":" + dueDate;
    }

    IssueEvent overdueEvent(java.time.Instant now) {
        return issue.toBuilder()
                .eventId(overdueEventId(issueKey, dueDate))
                .type(OVERDUE_TYPE)
                .action(SWEEP_ACTION)
                .updatedAt(now)
                .build();
    }

    static boolean isSweepEvent(IssueEvent event) {
        return OVERDUE_TYPE.equals(event.type()) && SWEEP_ACTION.equals(event.action());
    }

    private static boolean isClosed(IssueEvent event) {
        return "closed".equalsIgnoreCase(Objects.toString(event.state(), ""))
                || "issue_closed".equals(event.type())
                || (event.state() == null && "closed".equalsIgnoreCase(Objects.toString(event.status(), "")));
    }
}
