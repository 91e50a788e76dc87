package dev.breakdown.agent.policy.condition;

import org.springframework.stereotype.Component;

/** {@code project: value} or {@code project: [a, b]}: the event's project is one of them (any case). */
@Component
class ProjectCondition extends FieldInList {

    ProjectCondition() {
        super("project", event -> event.projectId());
    }

    @Override
    public String key() {
        return "project";
    }
}
