package dev.breakdown.gateway.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The executors found in the context, by action name. */
@Component
public class ActionExecutors {

    private final Map<String, ActionExecutor> byAction;

    public ActionExecutors(List<ActionExecutor> executors) {
        // toMap fails on a duplicate name, so two executors for one action stop the service at start.
        this.byAction = executors.stream().collect(Collectors.toUnmodifiableMap(ActionExecutor::action, Function.identity()));
    }

    public Optional<ActionExecutor> forAction(String action) {
        return Optional.ofNullable(action).map(byAction::get);
    }
}
