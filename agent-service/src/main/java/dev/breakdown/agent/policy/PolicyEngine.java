package dev.breakdown.agent.policy;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Runs the policies in order; the first match wins, no match means no decision. */
@Service
public class PolicyEngine {

    private final List<Policy> policies;

    /** Spring hands the beans over sorted by their {@code @Order}. */
    public PolicyEngine(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    public List<Decision> decide(IssueEvent event) {
        for (Policy policy : policies) {
            Optional<Decision> decision = policy.decide(event);
            if (decision.isPresent()) {
                return List.of(decision.get());
            }
        }
        return List.of();
    }

    public List<String> policyNames() {
        return policies.stream().map(Policy::name).toList();
    }
}
