package dev.breakdown.agent.team.strategy;

import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.agent.team.Team;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code strategy: rotation, team: frontend}: a member chosen by a hash of the issue key among those
 * available at the event's time, so the same event replayed gets the same answer and no counter is kept.
 */
@Component
class RotationStrategy implements AssignmentStrategy {

    @Override
    public String name() {
        return "rotation";
    }

    @Override
    public Optional<Assigner> configure(YamlValue.Fields params, YamlValue where, PolicyContext context) {
        return TeamParameter.read(name(), params, where, context).map(team -> (event, decision) -> {
            Team.Candidates candidates = team.candidatesAt(decision.eventTime());
            if (candidates.names().isEmpty()) {
                return new Assignment(null, team.name(), candidates.basis());
            }
            int at = TeamParameter.position(decision.issueKey(), candidates.names().size());
            return new Assignment(candidates.names().get(at), team.name(), "rotation over team " + team.name() + ": "
                    + (at + 1) + " of " + candidates.names().size() + " available, " + candidates.basis());
        });
    }
}
