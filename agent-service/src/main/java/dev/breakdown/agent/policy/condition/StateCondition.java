package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code state: open} (anything not closed, including no state) or {@code state: closed}. */
@Component
class StateCondition implements ConditionKind {

    @Override
    public String key() {
        return "state";
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        Optional<String> text = value.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.get().equals("open") && !text.get().equals("closed")) {
            value.problem(value.path() + " must be open or closed, got '" + text.get() + "'");
            return Optional.empty();
        }
        boolean wantClosed = text.get().equals("closed");
        return Optional.of((event, evaluation) -> {
            boolean closed = "closed".equals(FieldInList.normalize(event.state()));
            String state = closed ? "state closed" : "state " + (event.state() == null ? "open (not given)" : event.state().trim());
            return closed == wantClosed ? Check.yes(state) : Check.no(state);
        });
    }
}
