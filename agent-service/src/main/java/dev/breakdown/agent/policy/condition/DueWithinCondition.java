package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code due_within: 2d}: due today or in the next days (whole days, in the policy's zone), not yet overdue. */
@Component
class DueWithinCondition implements ConditionKind {

    @Override
    public String key() {
        return "due_within";
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        Optional<Duration> window = value.duration();
        if (window.isEmpty()) {
            return Optional.empty();
        }
        if (window.get().toHours() % 24 != 0) {
            value.problem(value.path() + " counts whole days, e.g. 2d or 1w, got " + value.describe());
            return Optional.empty();
        }
        long days = window.get().toDays();
        return Optional.of((event, evaluation) -> {
            LocalDate today = evaluation.today();
            Optional<LocalDate> due = event.dueDate();
            if (due.isEmpty()) {
                return Check.no("no due date");
            }
            LocalDate last = today.plusDays(days);
            boolean within = !due.get().isBefore(today) && !due.get().isAfter(last);
            return within
                    ? Check.yes("due " + due.get() + ", within " + days + " days of today " + today)
                    : Check.no("due " + due.get() + ", not between today " + today + " and " + last);
        });
    }
}
