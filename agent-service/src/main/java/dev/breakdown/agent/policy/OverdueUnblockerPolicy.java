package dev.breakdown.agent.policy;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** An open issue past its due day gets a short unblocker meeting with its assignee (or triage). */
@Component
@Order(300)
public class OverdueUnblockerPolicy implements Policy {

    public static final String NAME = "overdue-unblocker";

    private final AgentProperties properties;
    private final Clock clock;

    public OverdueUnblockerPolicy(AgentProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Decision> decide(IssueEvent event) {
        if ("closed".equalsIgnoreCase(trimmed(event.state()))) {
            return Optional.empty();
        }
        // Compare calendar days, not instants: an issue due today is not overdue yet.
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        Optional<LocalDate> due = event.dueDate();
        String reason;
        if (due.isPresent() && due.get().isBefore(today)) {
            reason = "due " + due.get() + ", before today " + today + " (" + properties.zone() + ")";
        } else if (event.hasLabel("overdue")) {
            reason = "label overdue";
        } else {
            return Optional.empty();
        }

        String assignee = trimmed(event.assignee());
        boolean assigned = !assignee.isEmpty();
        String target = assigned ? "owner:" + assignee : properties.triageTarget();
        String participant = assigned ? assignee : properties.triageTarget();
        int minutes = properties.unblockerMinutes();
        String rationale = "Overdue issue: " + reason + "; " + minutes + "-minute unblocker with "
                + (assigned ? "the assignee " + assignee : "team " + properties.triageTeam() + " (no assignee)");
        String title = "Unblock: " + (event.title() == null || event.title().isBlank() ? "overdue issue" : event.title().trim());
        return Optional.of(new Decision(ActionEvent.SCHEDULE_UNBLOCKER, target, rationale, NAME,
                List.of(participant), minutes, title));
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }
}
