package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code assignee: present} or {@code assignee: absent}. */
@Component
class AssigneeCondition implements ConditionKind {

    @Override
    public String key() {
        return "assignee";
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        Optional<String> text = value.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.get().equals("present") && !text.get().equals("absent")) {
            value.problem(value.path() + " must be present or absent, got '" + text.get() + "'");
            return Optional.empty();
        }
        boolean wantPresent = text.get().equals("present");
        return Optional.of((event, evaluation) -> {
            boolean present = event.assignee() != null && !event.assignee().isBlank();
            String state = present ? "assigned to " + event.assignee().trim() : "no assignee";
            return present == wantPresent ? Check.yes(state) : Check.no(state);
        });
    }
}
