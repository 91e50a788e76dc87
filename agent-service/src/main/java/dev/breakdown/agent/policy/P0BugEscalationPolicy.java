package dev.breakdown.agent.policy;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A bug of the highest priority goes straight to the platform team. */
@Component
@Order(100)
public class P0BugEscalationPolicy implements Policy {

    public static final String NAME = "p0-bug-escalation";
    private static final Set<String> TOP_PRIORITIES = Set.of("P0", "HIGHEST");

    private final AgentProperties properties;

    public P0BugEscalationPolicy(AgentProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Decision> decide(IssueEvent event) {
        if (!event.hasLabel("bug")) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (TOP_PRIORITIES.contains(event.normalizedPriority())) {
            reasons.add("priority " + event.priority().trim());
        }
        if (event.hasLabel("p0")) {
            reasons.add("label p0");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String rationale = "P0 bug: label bug with " + String.join(" and ", reasons)
                + ", escalated to team " + properties.platformTeam();
        return Optional.of(Decision.of(ActionEvent.ESCALATE_OWNER, properties.platformTarget(), rationale, NAME));
    }
}
