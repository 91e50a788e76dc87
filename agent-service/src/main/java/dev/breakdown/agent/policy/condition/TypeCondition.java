package dev.breakdown.agent.policy.condition;

import org.springframework.stereotype.Component;

/** {@code type: value} or {@code type: [a, b]}: the event's type is one of them (any case). */
@Component
class TypeCondition extends FieldInList {

    TypeCondition() {
        super("type", event -> event.type());
    }

    @Override
    public String key() {
        return "type";
    }
}
