package dev.breakdown.agent.policy.condition;

import org.springframework.stereotype.Component;

/** {@code title: "(?i)crash|500"}: a regular expression found in the title. */
@Component
class TitleCondition extends PatternMatch {

    TitleCondition() {
        super("title", event -> event.title());
    }

    @Override
    public String key() {
        return "title";
    }
}
