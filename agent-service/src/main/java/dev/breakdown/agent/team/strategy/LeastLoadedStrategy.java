package dev.breakdown.agent.team.strategy;

import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.agent.team.Team;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code strategy: least_loaded, team: backend}: the available member with the fewest open issues we
 * assigned (counted in the database, shared by all instances). An issue we already assigned keeps its owner;
 * ties go to the member the issue's rotation position reaches first.
 */
@Component
class LeastLoadedStrategy implements AssignmentStrategy {

    @Override
    public String name() {
        return "least_loaded";
    }

    @Override
    public Optional<Assigner> configure(YamlValue.Fields params, YamlValue where, PolicyContext context) {
        return TeamParameter.read(name(), params, where, context).map(team -> (event, decision) -> {
            Team.Candidates candidates = team.candidatesAt(decision.eventTime());
            List<String> names = candidates.names();
            if (names.isEmpty()) {
                return new Assignment(null, team.name(), candidates.basis());
            }
            Optional<String> current = decision.ledger().openOwner(decision.issueKey());
            if (current.isPresent() && names.contains(current.get())) {
                return new Assignment(current.get(), team.name(), "already assigned by us, kept");
            }
            Map<String, Integer> load = decision.ledger().openCounts(names);
            int start = TeamParameter.position(decision.issueKey(), names.size());
            String best = null;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((start + i) % names.size());
                if (best == null || load.get(name) < load.get(best)) {
                    best = name;
                }
            }
            String loads = names.stream().map(n -> n + " " + load.get(n)).collect(Collectors.joining(", "));
            return new Assignment(best, team.name(), "least loaded in team " + team.name() + ", open issues: " + loads);
        });
    }
}
