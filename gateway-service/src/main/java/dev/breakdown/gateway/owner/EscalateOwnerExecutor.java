package dev.breakdown.gateway.owner;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionExecutor;
import dev.breakdown.gateway.writeback.WriteBack;
import org.springframework.stereotype.Component;

/**
 * escalate_owner: the escalation label (WRITEBACK_ESCALATION_LABEL) and a comment mentioning the target, once per
 * issue and target until the issue changes hands or is closed and reopened.
 */
@Component
public class EscalateOwnerExecutor implements ActionExecutor {

    private final WriteBack writeBack;

    public EscalateOwnerExecutor(WriteBack writeBack) {
        this.writeBack = writeBack;
    }

    @Override
    public String action() {
        return ActionEvent.ESCALATE_OWNER;
    }

    @Override
    public double defaultRiskDelta() {
        return -0.3;
    }

    @Override
    public String execute(ActionContext context) {
        return writeBack.escalate(context);
    }
}
