package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.contracts.IssueEvent;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Shared by title and body: {@code key: regex} or {@code key: {pattern: regex}}; found anywhere in the text. */
abstract class PatternMatch implements ConditionKind {

    private final String field;
    private final Function<IssueEvent, String> reader;

    PatternMatch(String field, Function<IssueEvent, String> reader) {
        this.field = field;
        this.reader = reader;
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        Optional<YamlValue> source = value.isMap()
                ? value.fields(Set.of("pattern")).flatMap(f -> f.require("pattern"))
                : Optional.of(value);
        return source.flatMap(YamlValue::regex).map(pattern -> (event, evaluation) -> test(pattern, event));
    }

    private Check test(Pattern pattern, IssueEvent event) {
        String text = reader.apply(event);
        if (text == null) {
            return Check.no("no " + field);
        }
        var matcher = pattern.matcher(text);
        return matcher.find()
                ? Check.yes(field + " matches /" + pattern.pattern() + "/ at '" + matcher.group() + "'")
                : Check.no(field + " does not match /" + pattern.pattern() + "/");
    }
}
