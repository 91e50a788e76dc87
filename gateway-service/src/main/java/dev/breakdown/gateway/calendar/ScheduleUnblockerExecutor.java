package dev.breakdown.gateway.calendar;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.MeetingRequest;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionExecutor;
import java.util.List;
import org.springframework.stereotype.Component;

/** schedule_unblocker: books a short meeting with the decision's participants; calendar-service picks the slot. */
@Component
public class ScheduleUnblockerExecutor implements ActionExecutor {

    static final int DEFAULT_DURATION_MIN = 15;

    private final CalendarClient calendar;

    public ScheduleUnblockerExecutor(CalendarClient calendar) {
        this.calendar = calendar;
    }

    @Override
    public String action() {
        return ActionEvent.SCHEDULE_UNBLOCKER;
    }

    @Override
    public String execute(ActionContext context) {
        Decision decision = context.decision();
        List<String> participants = decision.participants() == null || decision.participants().isEmpty()
                ? List.of(decision.target())
                : decision.participants();
        int duration = decision.durationMin() == null ? DEFAULT_DURATION_MIN : decision.durationMin();
        MeetingRequest request = new MeetingRequest("Unblock: " + context.issue().title(), participants, null, duration);
        Meeting meeting = calendar.createMeeting(request, context.idempotencyKey());
        return meeting.id();
    }
}
