package dev.breakdown.gateway.action;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.gateway.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds OutcomeEvents with the executors' (or configured) risk deltas and an id derived from the action's id. */
@Component
public class Outcomes {

    private final GatewayProperties properties;
    private final ActionExecutors executors;

    public Outcomes(GatewayProperties properties, ActionExecutors executors) {
        this.properties = properties;
        this.executors = executors;
    }

    public OutcomeEvent done(ActionEvent action, String detail, Instant now) {
        return of(action, true, executors.riskDeltaOf(action.action()), detail, now);
    }

    public OutcomeEvent failed(ActionEvent action, String detail, Instant now) {
        return of(action, false, properties.failureRiskDelta(), detail, now);
    }

    public static String idOf(String actionEventId) {
        return UUID.nameUUIDFromBytes(("outcome|" + actionEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static OutcomeEvent of(ActionEvent action, boolean ack, double riskDelta, String detail, Instant now) {
        return new OutcomeEvent(idOf(action.eventId()), action.projectId(), riskDelta, ack, action.eventId(),
                action.action(), detail, now);
    }
}
