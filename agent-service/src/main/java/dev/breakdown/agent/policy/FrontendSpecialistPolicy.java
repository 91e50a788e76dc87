package dev.breakdown.agent.policy;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Frontend issues go to the frontend specialist. */
@Component
@Order(200)
public class FrontendSpecialistPolicy implements Policy {

    public static final String NAME = "frontend-specialist";

    private final AgentProperties properties;

    public FrontendSpecialistPolicy(AgentProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Decision> decide(IssueEvent event) {
        if (!event.hasLabel("frontend")) {
            return Optional.empty();
        }
        String owner = properties.frontendOwner();
        String rationale = "Frontend issue: label frontend, assigned to the frontend specialist " + owner;
        return Optional.of(Decision.of(ActionEvent.ASSIGN_OWNER, "owner:" + owner, rationale, NAME));
    }
}
