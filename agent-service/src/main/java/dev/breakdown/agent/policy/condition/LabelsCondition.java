package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.contracts.IssueEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code labels: {any: [...], all: [...], none: [...]}}, compared ignoring case; every part given must hold. */
@Component
class LabelsCondition implements ConditionKind {

    @Override
    public String key() {
        return "labels";
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        return value.fields(Set.of("any", "all", "none")).flatMap(fields -> {
            if (fields.entries().isEmpty()) {
                value.problem(value.path() + " needs at least one of any, all, none");
                return Optional.empty();
            }
            List<String> any = fields.get("any").map(YamlValue::texts).orElse(List.of());
            List<String> all = fields.get("all").map(YamlValue::texts).orElse(List.of());
            List<String> none = fields.get("none").map(YamlValue::texts).orElse(List.of());
            return Optional.of((event, evaluation) -> test(event, any, all, none));
        });
    }

    private static Check test(IssueEvent event, List<String> any, List<String> all, List<String> none) {
        List<String> why = new ArrayList<>();
        String have = event.labels().isEmpty() ? "no labels" : "labels: " + String.join(", ", event.labels());
        if (!any.isEmpty()) {
            List<String> present = any.stream().filter(event::hasLabel).toList();
            if (present.isEmpty()) {
                return Check.no("none of the labels " + String.join(", ", any) + " (" + have + ")");
            }
            why.add("label " + String.join(" and label ", present));
        }
        List<String> missing = all.stream().filter(l -> !event.hasLabel(l)).toList();
        if (!missing.isEmpty()) {
            return Check.no("missing label " + String.join(", ", missing) + " (" + have + ")");
        }
        all.stream().filter(l -> !any.contains(l)).forEach(l -> why.add("label " + l));
        List<String> unwanted = none.stream().filter(event::hasLabel).toList();
        if (!unwanted.isEmpty()) {
            return Check.no("has label " + String.join(", ", unwanted));
        }
        if (!none.isEmpty()) {
            why.add("no label " + String.join(" or ", none));
        }
        return Check.yes(String.join(", ", why));
    }
}
