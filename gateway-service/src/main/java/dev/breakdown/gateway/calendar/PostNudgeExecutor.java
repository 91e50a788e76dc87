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

/** post_nudge: sends a notification to the target through calendar-service, and comments it on the issue. */
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
        NudgeRequest request = new NudgeRequest(decision.target(), message, isEscalation(decision, issue) ? "high" : "normal");
        Nudge nudge = calendar.createNudge(request, context.idempotencyKey());
        return nudge.id() + "; " + writeBack.comment(context, "Nudge for " + decision.target() + ": " + message);
    }

    /** An escalation: the deciding policy says so, or the issue is top priority (P0 / Highest / label p0). */
    static boolean isEscalation(Decision decision, IssueEvent issue) {
        String policy = decision.policy() == null ? "" : decision.policy().toLowerCase(Locale.ROOT);
        String priority = issue.normalizedPriority();
        return policy.contains("escalat") || priority.equals("P0") || priority.equals("HIGHEST") || issue.hasLabel("p0");
    }
}
