package dev.breakdown.gateway.owner;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionExecutor;
import dev.breakdown.gateway.writeback.WriteBack;
import org.springframework.stereotype.Component;

/** assign_owner: the target becomes the assignee on GitHub or Jira (described only, in dry-run). */
@Component
public class AssignOwnerExecutor implements ActionExecutor {

    private final WriteBack writeBack;

    public AssignOwnerExecutor(WriteBack writeBack) {
        this.writeBack = writeBack;
    }

    @Override
    public String action() {
        return ActionEvent.ASSIGN_OWNER;
    }

    @Override
    public double defaultRiskDelta() {
        return -0.1;
    }

    @Override
    public String execute(ActionContext context) {
        return writeBack.assign(context);
    }
}
