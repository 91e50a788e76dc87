package dev.breakdown.agent.team.strategy;

import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.Optional;

/** One way of choosing an owner ({@code strategy:} of {@code assign_owner}), found by name. */
public interface AssignmentStrategy {

    String name();

    /** Reads the action's parameters; problems go to {@code where.problem(...)} and the answer is then empty. */
    Optional<Assigner> configure(YamlValue.Fields params, YamlValue where, PolicyContext context);
}
