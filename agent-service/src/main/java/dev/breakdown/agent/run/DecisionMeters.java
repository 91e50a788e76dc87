package dev.breakdown.agent.run;

import dev.breakdown.agent.policy.Explanation;
import dev.breakdown.contracts.agent.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counts the decisions of {@code POST /run} as {@value #NAME} by policy (the rule's name, from the policy file),
 * action and result: made (answered to the gateway) or held (a nudge limit kept it for the digest). Explain and
 * dry runs are not counted.
 */
@Component
class DecisionMeters {

    static final String NAME = "breakdown.agent.decisions";

    private final MeterRegistry registry;

    DecisionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Explanation run) {
        for (Explanation.RuleTrace rule : run.rules()) {
            count(rule.decisions(), "made");
            count(rule.held(), "held");
        }
    }

    private void count(List<Decision> decisions, String result) {
        if (decisions == null) {
            return;
        }
        for (Decision decision : decisions) {
            Counter.builder(NAME).description("Decisions of the policies, by rule and action")
                    .tag("policy", decision.policy()).tag("action", decision.action()).tag("result", result)
                    .register(registry).increment();
        }
    }
}
