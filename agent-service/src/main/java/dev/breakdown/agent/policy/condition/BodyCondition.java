package dev.breakdown.agent.policy.condition;

import org.springframework.stereotype.Component;

/** {@code body: "stack trace"}: a regular expression found in the body preview (its first 280 characters). */
@Component
class BodyCondition extends PatternMatch {

    BodyCondition() {
        super("body", event -> event.bodyPreview());
    }

    @Override
    public String key() {
        return "body";
    }
}
