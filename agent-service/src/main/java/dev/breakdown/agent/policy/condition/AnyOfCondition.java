package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.When;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code any_of: [ {block}, {block} ]}: at least one block holds; each block is a {@code when:}-style mapping. */
@Component
class AnyOfCondition implements ConditionKind {

    @Override
    public String key() {
        return "any_of";
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        if (!value.isList()) {
            value.problem(value.path() + " must be a list of condition blocks, got " + value.describe());
            return Optional.empty();
        }
        List<List<When>> blocks = new ArrayList<>();
        for (YamlValue item : value.items()) {
            blocks.add(context.conditionBlock().apply(item));
        }
        if (blocks.isEmpty()) {
            value.problem(value.path() + " needs at least one condition block");
            return Optional.empty();
        }
        return Optional.of((event, evaluation) -> {
            List<String> matched = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (List<When> block : blocks) {
                List<Check> checks = block.stream().map(w -> w.condition().test(event, evaluation)).toList();
                String reasons = checks.stream().map(Check::reason).collect(Collectors.joining(", "));
                if (checks.stream().allMatch(Check::matched)) {
                    matched.add(reasons);
                } else {
                    failed.add(checks.stream().filter(c -> !c.matched()).map(Check::reason).collect(Collectors.joining(", ")));
                }
            }
            return matched.isEmpty()
                    ? Check.no("none of the alternatives: " + String.join("; ", failed))
                    : Check.yes(String.join(" and ", matched));
        });
    }
}
