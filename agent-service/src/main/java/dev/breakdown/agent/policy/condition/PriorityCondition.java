package dev.breakdown.agent.policy.condition;

import org.springframework.stereotype.Component;

/** {@code priority: value} or {@code priority: [a, b]}: the event's priority is one of them (any case). */
@Component
class PriorityCondition extends FieldInList {

    PriorityCondition() {
        super("priority", event -> event.priority());
    }

    @Override
    public String key() {
        return "priority";
    }
}
