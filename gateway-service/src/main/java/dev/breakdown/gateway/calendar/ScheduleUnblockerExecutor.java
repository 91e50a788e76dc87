package dev.breakdown.gateway.calendar;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.MeetingRequest;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionExecutor;
import dev.breakdown.gateway.writeback.WriteBack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** schedule_unblocker: books a short meeting with the decision's participants; calendar-service picks the slot. */
@Component
public class ScheduleUnblockerExecutor implements ActionExecutor {

    static final int DEFAULT_DURATION_MIN = 15;

    private final CalendarClient calendar;
    private final WriteBack writeBack;
    private final MeetingLinks links;

    public ScheduleUnblockerExecutor(CalendarClient calendar, WriteBack writeBack, MeetingLinks links) {
        this.calendar = calendar;
        this.writeBack = writeBack;
        this.links = links;
    }

    @Override
    public String action() {
        return ActionEvent.SCHEDULE_UNBLOCKER;
    }

    @Override
    public double defaultRiskDelta() {
        return -0.2;
    }

    @Override
    public String execute(ActionContext context) {
        Decision decision = context.decision();
        List<String> participants = decision.participants() == null || decision.participants().isEmpty()
                ? List.of(decision.target())
                : decision.participants();
        int duration = decision.durationMin() == null ? DEFAULT_DURATION_MIN : decision.durationMin();
        // The agent's title (its policy's template) when it gave one.
        String title = decision.message() == null || decision.message().isBlank()
                ? "Unblock: " + context.issue().title()
                : decision.message();
        MeetingRequest request = new MeetingRequest(title, participants, null, duration, context.issue().url());
        Meeting meeting = calendar.createMeeting(request, idempotencyKey(context));
        // One comment per meeting, whichever action booked it: the marker is the meeting's Idempotency-Key.
        return meeting.id() + "; " + writeBack.comment(context, idempotencyKey(context), links.announcement(meeting));
    }

    /**
     * One meeting per issue and due date, whichever event (ordinary or the overdue sweep's) decided it; the
     * action's id for an issue without a due date.
     */
    static String idempotencyKey(ActionContext context) {
        IssueEvent issue = context.issue();
        return issue.dueDate()
                .map(due -> UUID.nameUUIDFromBytes(("unblocker|" + issue.topicKey() + "|" + due)
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .orElse(context.idempotencyKey());
    }
}
