package dev.breakdown.agent.policy;

import dev.breakdown.agent.policy.condition.Condition;

/** One condition of a rule, under the key it was written with (for explain). */
public record When(String key, Condition condition) {
}
