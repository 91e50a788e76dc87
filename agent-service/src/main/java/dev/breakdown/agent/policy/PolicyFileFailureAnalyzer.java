package dev.breakdown.agent.policy;

import dev.breakdown.agent.policy.yaml.PolicyFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken policy file at start into its list of problems instead of a stack trace. */
class PolicyFileFailureAnalyzer extends AbstractFailureAnalyzer<PolicyFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, PolicyFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the policy file (breakdown.agent.policy-file / AGENT_POLICY_FILE), then start again. "
                        + "Check it without starting: java -jar agent-service.jar --validate-policies " + cause.file(),
                cause);
    }
}
