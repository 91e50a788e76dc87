package dev.breakdown.agent.team.strategy;

import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every assignment strategy, by name. */
@Component
public class AssignmentStrategies {

    private final Map<String, AssignmentStrategy> byName = new TreeMap<>();

    public AssignmentStrategies(List<AssignmentStrategy> strategies) {
        strategies.forEach(s -> byName.put(s.name(), s));
    }

    /** The strategy, or a problem at {@code where} naming the known ones. */
    public Optional<AssignmentStrategy> find(String name, YamlValue where) {
        AssignmentStrategy strategy = byName.get(name);
        if (strategy == null) {
            where.problem("unknown assignment strategy '" + name + "'; known: " + String.join(", ", byName.keySet()));
        }
        return Optional.ofNullable(strategy);
    }
}
