package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code overdue: true}: the day of {@code due_at} is before today in the policy's zone (an issue due
 * today is not overdue). {@code overdue: false} is the opposite, including issues without a due date.
 */
@Component
class OverdueCondition implements ConditionKind {

    @Override
    public String key() {
        return "overdue";
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        return value.bool().map(want -> (event, evaluation) -> {
            LocalDate today = evaluation.today();
            Optional<LocalDate> due = event.dueDate();
            boolean overdue = due.isPresent() && due.get().isBefore(today);
            String why = due.isEmpty()
                    ? (event.dueAt() == null || event.dueAt().isBlank() ? "no due date" : "unreadable due date '" + event.dueAt() + "'")
                    : "due " + due.get() + (overdue ? ", before" : ", not before") + " today " + today + " (" + evaluation.zone() + ")";
            return overdue == want ? Check.yes(why) : Check.no(why);
        });
    }
}
