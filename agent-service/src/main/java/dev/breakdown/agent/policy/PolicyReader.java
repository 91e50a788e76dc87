package dev.breakdown.agent.policy;

import dev.breakdown.agent.nudge.NudgeLimit;
import dev.breakdown.agent.policy.action.Action;
import dev.breakdown.agent.policy.action.ActionKinds;
import dev.breakdown.agent.policy.condition.ConditionKinds;
import dev.breakdown.agent.policy.yaml.Problems;
import dev.breakdown.agent.policy.yaml.YamlDocument;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.agent.team.PolicyTeams;
import dev.breakdown.platform.directory.TeamDirectory;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a policy file into a {@link PolicySet}, or fails with every problem found, each with its line.
 * Condition and action names are looked up in their registries, so new kinds need no change here.
 */
@Component
public class PolicyReader {

    private static final Logger log = LoggerFactory.getLogger(PolicyReader.class);

    private static final Set<String> TOP_KEYS = Set.of("zone", "teams", "notifications", "rules");
    private static final Set<String> RULE_KEYS = Set.of("name", "description", "when", "then", "continue");

    private final ConditionKinds conditions;
    private final ActionKinds actions;
    private final TeamDirectory directory;

    public PolicyReader(ConditionKinds conditions, ActionKinds actions, TeamDirectory directory) {
        this.conditions = conditions;
        this.actions = actions;
        this.directory = directory;
    }

    /** @throws dev.breakdown.agent.policy.yaml.PolicyFileException listing every problem */
    public PolicySet read(String file, String content, ZoneId defaultZone) {
        Problems problems = new Problems(file);
        Optional<YamlValue.Fields> top = YamlDocument.read(content, problems).flatMap(doc -> doc.fields(TOP_KEYS));
        if (top.isEmpty()) {
            problems.throwIfAny();
        }
        YamlValue.Fields fields = top.orElseThrow();
        ZoneId zone = fields.get("zone").flatMap(YamlValue::zone).orElse(defaultZone);
        PolicyTeams teams = PolicyTeams.read(directory, fields.get("teams"), zone);
        List<String> replaced = teams.fromPolicyFile().stream().filter(directory.teams()::containsKey).toList();
        if (!replaced.isEmpty()) {
            log.warn("{}: teams {} under 'teams:' replace the team directory's teams of the same name ({}); "
                    + "keep each team in one place, preferably the directory", file, replaced, directory.source());
        }
        Optional<NudgeLimit> limit = fields.get("notifications").flatMap(NudgeLimit::read);
        PolicyContext[] self = new PolicyContext[1]; // any_of reads nested blocks with the same context
        PolicyContext context = new PolicyContext(teams, zone, limit, block -> block(block, self[0]));
        self[0] = context;
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Optional<YamlValue> ruleList = fields.require("rules");
        ruleList.filter(r -> {
            if (!r.isList()) {
                r.problem("rules must be a list of rules (lines starting with '- name:'), got " + r.describe());
            }
            return r.isList();
        }).ifPresent(list -> list.items().forEach(item -> rule(item, context, names).ifPresent(rules::add)));
        problems.throwIfAny();
        return new PolicySet(file, PolicySet.hashOf(content), zone, teams, limit, List.copyOf(rules));
    }

    private Optional<Rule> rule(YamlValue item, PolicyContext context, Set<String> names) {
        return item.fields(RULE_KEYS).flatMap(f -> {
            Optional<String> name = f.require("name").flatMap(YamlValue::text);
            name.filter(n -> !names.add(n)).ifPresent(n -> f.key("name").problem("duplicate rule name '" + n + "'"));
            String label = name.map(n -> "rule '" + n + "'").orElse(item.path());
            String description = f.get("description").flatMap(YamlValue::text).orElse(name.orElse(""));
            List<When> when = f.get("when").map(w -> block(w.named(label + ".when"), context)).orElse(List.of());
            List<Action> then = f.require("then").map(t -> then(t.named(label + ".then"), context)).orElse(List.of());
            boolean continueAfter = f.get("continue").flatMap(YamlValue::bool).orElse(false);
            return name.map(n -> new Rule(n, description, item.line(), when, then, continueAfter));
        });
    }

    /** A mapping of condition key to its value; all must hold. Also the blocks of {@code any_of}. */
    private List<When> block(YamlValue value, PolicyContext context) {
        if (value.isNull()) {
            return List.of();
        }
        List<When> when = new ArrayList<>();
        value.fields(Set.of()).ifPresent(f -> f.entries().forEach((key, v) -> {
            var kind = conditions.find(key);
            if (kind.isEmpty()) {
                f.key(key).problem("unknown condition '" + key + "' in " + value.path() + "; known conditions: "
                        + String.join(", ", conditions.keys()));
                return;
            }
            kind.get().parse(v, context).ifPresent(c -> when.add(new When(key, c)));
        }));
        return when;
    }

    private List<Action> then(YamlValue value, PolicyContext context) {
        List<Action> then = new ArrayList<>();
        List<YamlValue> items = value.isList() ? value.items() : List.of(value);
        if (items.isEmpty()) {
            value.problem(value.path() + " needs at least one action");
        }
        for (YamlValue item : items) {
            item.fields(Set.of()).ifPresent(f -> {
                if (value.isList() && f.entries().size() != 1) {
                    item.problem(item.path() + ": each item of then names one action, e.g. '- assign_owner: {owner: alice}'");
                }
                f.entries().forEach((key, params) -> {
                    var kind = actions.find(key);
                    if (kind.isEmpty()) {
                        f.key(key).problem("unknown action '" + key + "' in " + value.path() + "; known actions: "
                                + String.join(", ", actions.keys()));
                        return;
                    }
                    kind.get().parse(params.named(value.path() + "." + key), context).ifPresent(then::add);
                });
            });
        }
        return then;
    }
}
