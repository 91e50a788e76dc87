package dev.breakdown.gateway.action;

/**
 * Carries out one kind of action (one small class per action name). Any bean implementing this is found by
 * {@link #action()}; adding an executor touches no other class.
 */
public interface ActionExecutor {

    /** The action name it handles, as in ActionEvent.action, e.g. schedule_unblocker. */
    String action();

    /**
     * The outcome's risk_delta when the action succeeds; {@code breakdown.gateway.risk-deltas.<action>} overrides it.
     */
    double defaultRiskDelta();

    /**
     * Performs the action; side-effecting calls must send {@link ActionContext#idempotencyKey()}.
     *
     * @return the outcome's detail, e.g. the meeting id
     * @throws RuntimeException when the action could not be carried out (reported as ack false)
     */
    String execute(ActionContext context);
}
