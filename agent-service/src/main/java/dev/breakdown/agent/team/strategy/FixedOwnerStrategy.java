package dev.breakdown.agent.team.strategy;

import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code owner: alice}: always the same person ({@code team:} optional, only recorded with the assignment). */
@Component
class FixedOwnerStrategy implements AssignmentStrategy {

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public Optional<Assigner> configure(YamlValue.Fields params, YamlValue where, PolicyContext context) {
        Optional<String> team = params.get("team").flatMap(t -> t.text().filter(n -> context.teams().requireKnown(n, t)));
        return params.require("owner").flatMap(YamlValue::text)
                .map(owner -> (event, decision) -> new Assignment(owner, team.orElse(null), "fixed owner"));
    }
}
