package dev.breakdown.gateway.action;

import dev.breakdown.gateway.GatewayProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The executors found in the context, by action name, and the risk delta of each action. */
@Component
public class ActionExecutors {

    private final Map<String, ActionExecutor> byAction;
    private final GatewayProperties properties;

    public ActionExecutors(List<ActionExecutor> executors, GatewayProperties properties) {
        // toMap fails on a duplicate name, so two executors for one action stop the service at start.
        this.byAction = executors.stream().collect(Collectors.toUnmodifiableMap(ActionExecutor::action, Function.identity()));
        this.properties = properties;
    }

    public Optional<ActionExecutor> forAction(String action) {
        return Optional.ofNullable(action).map(byAction::get);
    }

    /** The configured risk delta of a successful action, else its executor's default; 0 for an unknown action. */
    public double riskDeltaOf(String action) {
        return properties.configuredRiskDelta(action)
                .orElseGet(() -> forAction(action).map(ActionExecutor::defaultRiskDelta).orElse(0.0));
    }
}
