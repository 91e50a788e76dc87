package dev.breakdown.agent.policy.action;

import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.Optional;

/**
 * One kind of action a rule's {@code then:} may use, found by its key. A new kind is a new
 * {@code @Component} implementing this; nothing else changes.
 */
public interface ActionKind {

    /** The key in {@code then:}, also the decision's action name, e.g. {@code post_nudge}. */
    String key();

    /** Reads the parameters; problems go to {@code value.problem(...)} and the answer is then empty. */
    Optional<Action> parse(YamlValue value, PolicyContext context);
}
