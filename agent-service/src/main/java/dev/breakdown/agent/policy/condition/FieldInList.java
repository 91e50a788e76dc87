package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.contracts.IssueEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Shared by the kinds that compare one field with one value or a list of values, ignoring case and spaces. */
abstract class FieldInList implements ConditionKind {

    private final String field;
    private final Function<IssueEvent, String> reader;

    FieldInList(String field, Function<IssueEvent, String> reader) {
        this.field = field;
        this.reader = reader;
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        List<String> wanted = value.texts();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<String> normalized = wanted.stream().map(FieldInList::normalize).toList();
        return Optional.of((event, evaluation) -> {
            String actual = reader.apply(event);
            String shown = actual == null || actual.isBlank() ? "none" : actual.trim();
            return normalized.contains(normalize(actual))
                    ? Check.yes(field + " " + shown)
                    : Check.no(field + " " + shown + " is not " + String.join(" or ", wanted));
        });
    }

    static String normalize(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }
}
