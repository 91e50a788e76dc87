package dev.breakdown.agent.policy.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every action kind, by key: the registry the policy reader looks names up in. */
@Component
public class ActionKinds {

    private final Map<String, ActionKind> byKey = new TreeMap<>();

    public ActionKinds(List<ActionKind> kinds) {
        for (ActionKind kind : kinds) {
            if (byKey.put(kind.key(), kind) != null) {
                throw new IllegalStateException("two action kinds claim the key '" + kind.key() + "'");
            }
        }
    }

    public Optional<ActionKind> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }
}
