package dev.breakdown.agent.policy.condition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every condition kind, by key: the registry the policy reader looks names up in. */
@Component
public class ConditionKinds {

    private final Map<String, ConditionKind> byKey = new TreeMap<>();

    public ConditionKinds(List<ConditionKind> kinds) {
        for (ConditionKind kind : kinds) {
            if (byKey.put(kind.key(), kind) != null) {
                throw new IllegalStateException("two condition kinds claim the key '" + kind.key() + "'");
            }
        }
    }

    public Optional<ConditionKind> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }
}
