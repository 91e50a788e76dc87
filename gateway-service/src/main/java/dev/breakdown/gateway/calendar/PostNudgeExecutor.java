package dev.breakdown.gateway.calendar;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.contracts.calendar.Nudge;
import dev.breakdown.contracts.calendar.NudgeRequest;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionExecutor;
import dev.breakdown.gateway.writeback.WriteBack;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * post_nudge: sends the agent's message to the target through calendar-service (which delivers it to the target's
 * channel), and comments it on the issue. Detail: {@code <nudge id>; <delivery status>; <write-back>}.
 */
@Component
public class PostNudgeExecutor implements ActionExecutor {

    private final CalendarClient calendar;
    private final WriteBack writeBack;

    public PostNudgeExecutor(CalendarClient calendar, WriteBack writeBack) {
        this.calendar = calendar;
        this.writeBack = writeBack;
    }

    @Override
    public String action() {
        return ActionEvent.POST_NUDGE;
    }

    @Override
    public double defaultRiskDelta() {
        return -0.05;
    }

    @Override
    public String execute(ActionContext context) {
        Decision decision = context.decision();
        IssueEvent issue = context.issue();
        String message = decision.message() == null || decision.message().isBlank()
                ? "Please take a look at \"" + issue.title() + "\": " + issue.url()
                : decision.message();
        NudgeRequest request = new NudgeRequest(decision.target(), message, isEscalation(decision, issue) ? "high" : "normal",
                issue.url());
        Nudge nudge = calendar.createNudge(request, context.idempotencyKey());
        return nudge.id() + "; " + delivery(nudge) + "; "
                + writeBack.comment(context, "Nudge for " + decision.target() + ": " + message);
    }

    /** "sent to slack:team:triage", "pending: Slack answered 503 ...", "stored: no channel ...", "failed: ...". */
    static String delivery(Nudge nudge) {
        String status = nudge.status() == null ? "accepted" : nudge.status();
        if ("sent".equals(status) && nudge.channel() != null) {
            return "sent to " + nudge.channel();
        }
        return status + (nudge.reason() == null ? "" : ": " + nudge.reason());
    }

    /** An escalation: the deciding policy says so, or the issue is top priority (P0 / Highest / label p0). */
    static boolean isEscalation(Decision decision, IssueEvent issue) {
        String policy = decision.policy() == null ? "" : decision.policy().toLowerCase(Locale.ROOT);
        String priority = issue.normalizedPriority();
        return policy.contains("escalat") || priority.equals("P0") || priority.equals("HIGHEST") || issue.hasLabel("p0");
    }
}
