package dev.breakdown.gateway.owner;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionExecutor;
import org.springframework.stereotype.Component;

/** assign_owner: recorded only; writing the assignee back to GitHub or Jira is not built yet. */
@Component
public class AssignOwnerExecutor implements ActionExecutor {

    @Override
    public String action() {
        return ActionEvent.ASSIGN_OWNER;
    }

    @Override
    public String execute(ActionContext context) {
        return "recorded: " + context.action().target();
    }
}
