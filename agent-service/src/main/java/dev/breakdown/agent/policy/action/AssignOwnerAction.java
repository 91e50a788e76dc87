package dev.breakdown.agent.policy.action;

import dev.breakdown.agent.policy.DecisionContext;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.agent.team.strategy.Assigner;
import dev.breakdown.agent.team.strategy.Assignment;
import dev.breakdown.agent.team.strategy.AssignmentStrategies;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code assign_owner: {owner: alice}} or {@code {strategy: rotation|least_loaded, team: frontend}}.
 * Every assignment is recorded (once per event and rule), so least-loaded counts it and a replay answers alike.
 */
@Component
class AssignOwnerAction implements ActionKind {

    private final AssignmentStrategies strategies;

    AssignOwnerAction(AssignmentStrategies strategies) {
        this.strategies = strategies;
    }

    @Override
    public String key() {
        return ActionEvent.ASSIGN_OWNER;
    }

    @Override
    public Optional<Action> parse(YamlValue value, PolicyContext context) {
        Optional<YamlValue.Fields> fields = value.fields(Set.of("strategy", "owner", "team"));
        return fields.flatMap(params -> {
            String name = params.get("strategy").flatMap(YamlValue::text).orElse(params.has("strategy") ? null : "fixed");
            if (name == null) {
                return Optional.empty();
            }
            YamlValue where = params.has("strategy") ? params.get("strategy").get() : value;
            Optional<Assigner> assigner = strategies.find(name, where)
                    .flatMap(strategy -> strategy.configure(params, value, context));
            return assigner.map(this::action);
        });
    }

    private Action action(Assigner assigner) {
        return new Action() {
            @Override
            public String kind() {
                return key();
            }

            @Override
            public Proposal propose(IssueEvent event, DecisionContext context) {
                Assignment assignment = assigner.assign(event, context);
                if (assignment.owner() == null) {
                    return Proposal.of(key(), "team:" + assignment.team(), "nobody to assign: " + assignment.reason()
                            + ", so the team gets it");
                }
                String owner = context.dryRun() ? assignment.owner()
                        : context.ledger().record(context.eventId(), context.rule(), context.issueKey(),
                                assignment.team(), assignment.owner(), context.now());
                return Proposal.of(key(), "owner:" + owner, "assigned to " + owner + " (" + assignment.reason() + ")");
            }
        };
    }
}
