package dev.breakdown.agent.policy.action;

import dev.breakdown.agent.policy.DecisionContext;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code escalate_owner: {team: platform}}: the issue goes to a team's attention at once. */
@Component
class EscalateOwnerAction implements ActionKind {

    @Override
    public String key() {
        return ActionEvent.ESCALATE_OWNER;
    }

    @Override
    public Optional<Action> parse(YamlValue value, PolicyContext context) {
        return value.fields(Set.of("team"))
                .flatMap(f -> f.require("team"))
                .flatMap(team -> team.text().filter(name -> context.teams().requireKnown(name, team)))
                .map(team -> new Action() {
                    @Override
                    public String kind() {
                        return key();
                    }

                    @Override
                    public Proposal propose(IssueEvent event, DecisionContext decision) {
                        return Proposal.of(key(), "team:" + team, "escalated to team " + team);
                    }
                });
    }
}
