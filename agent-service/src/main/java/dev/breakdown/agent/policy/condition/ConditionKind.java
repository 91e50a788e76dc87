package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.Optional;

/**
 * One kind of condition a rule's {@code when:} may use, found by its key. A new kind is a new
 * {@code @Component} implementing this; nothing else changes.
 */
public interface ConditionKind {

    /** The key in {@code when:}, e.g. {@code labels}. */
    String key();

    /** Reads the value under the key; problems go to {@code value.problem(...)} and the answer is then empty. */
    Optional<Condition> parse(YamlValue value, PolicyContext context);
}
