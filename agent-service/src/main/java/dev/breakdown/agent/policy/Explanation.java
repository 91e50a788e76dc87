package dev.breakdown.agent.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.contracts.agent.Decision;
import java.util.List;

/**
 * Which rules matched an event and why, and what would be done: the answer of {@code POST /explain} and
 * {@code POST /run?dry_run=true}. It carries {@code event_id} and {@code decisions} like a RunResponse.
 */
public record Explanation(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("dry_run") boolean dryRun,
        @JsonProperty("policy_file") String policyFile,
        @JsonProperty("policy_sha256") String policySha256,
        @JsonProperty("rules") List<RuleTrace> rules,
        @JsonProperty("decisions") List<Decision> decisions) {

    /** One rule: whether its conditions matched, whether it acted, and each condition's result. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RuleTrace(
            @JsonProperty("rule") String rule,
            @JsonProperty("line") int line,
            @JsonProperty("matched") boolean matched,
            @JsonProperty("applied") boolean applied,
            @JsonProperty("why") String why,
            @JsonProperty("conditions") List<ConditionResult> conditions,
            @JsonProperty("decisions") List<Decision> decisions,
            @JsonProperty("held") List<Decision> held) {
    }

    public record ConditionResult(
            @JsonProperty("condition") String condition,
            @JsonProperty("matched") boolean matched,
            @JsonProperty("reason") String reason) {
    }
}
