package dev.breakdown.agent.policy.condition;

import org.springframework.stereotype.Component;

/** {@code status: value} or {@code status: [a, b]}: the event's status is one of them (any case). */
@Component
class StatusCondition extends FieldInList {

    StatusCondition() {
        super("status", event -> event.status());
    }

    @Override
    public String key() {
        return "status";
    }
}
