package dev.breakdown.gateway.owner;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionExecutor;
import org.springframework.stereotype.Component;

/** escalate_owner: recorded only; the actions topic is the escalation until a paging integration exists. */
@Component
public class EscalateOwnerExecutor implements ActionExecutor {

    @Override
    public String action() {
        return ActionEvent.ESCALATE_OWNER;
    }

    @Override
    public String execute(ActionContext context) {
        return "recorded: " + context.action().target();
    }
}
