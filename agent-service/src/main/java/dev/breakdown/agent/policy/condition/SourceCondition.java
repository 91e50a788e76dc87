package dev.breakdown.agent.policy.condition;

import org.springframework.stereotype.Component;

/** {@code source: value} or {@code source: [a, b]}: the event's source is one of them (any case). */
@Component
class SourceCondition extends FieldInList {

    SourceCondition() {
        super("source", event -> event.source());
    }

    @Override
    public String key() {
        return "source";
    }
}
