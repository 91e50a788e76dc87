package dev.breakdown.agent.policy;

import dev.breakdown.agent.nudge.NudgeThrottle;
import dev.breakdown.agent.policy.Explanation.ConditionResult;
import dev.breakdown.agent.policy.Explanation.RuleTrace;
import dev.breakdown.agent.policy.action.Action;
import dev.breakdown.agent.policy.action.Proposal;
import dev.breakdown.agent.team.AssignmentLedger;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Runs the rules of the policies in force, in file order. A matching rule acts; unless it says
 * {@code continue: true}, later rules are still evaluated (for explain) but do not act.
 */
@Service
public class PolicyEngine {

    private final PolicyStore store;
    private final Clock clock;
    private final AssignmentLedger ledger;
    private final NudgeThrottle throttle;

    public PolicyEngine(PolicyStore store, Clock clock, AssignmentLedger ledger, NudgeThrottle throttle) {
        this.store = store;
        this.clock = clock;
        this.ledger = ledger;
        this.throttle = throttle;
    }

    /** The decisions for the event; records what strategies and limits need (idempotent per event). */
    public List<Decision> decide(IssueEvent event) {
        return run(event).decisions();
    }

    /** As {@link #decide}, with every rule's trace (what was made and what a nudge limit held back). */
    public Explanation run(IssueEvent event) {
        return evaluate(event, false);
    }

    /** Every rule's result and the decisions that would be made, recording nothing. */
    public Explanation explain(IssueEvent event) {
        return evaluate(event, true);
    }

    public List<String> policyNames() {
        return store.current().ruleNames();
    }

    private Explanation evaluate(IssueEvent event, boolean dryRun) {
        PolicySet policies = store.current();
        Instant now = clock.instant();
        Evaluation evaluation = new Evaluation(now, policies.zone());
        String issueKey = issueKey(event);
        if (!dryRun && closes(event)) {
            ledger.release(issueKey, now); // a closed issue no longer weighs on its owner
        }
        Instant eventTime = event.updatedAt() != null ? event.updatedAt() : event.createdAt() != null ? event.createdAt() : now;
        List<RuleTrace> traces = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        String stoppedBy = null;
        for (Rule rule : policies.rules()) {
            List<ConditionResult> results = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (When when : rule.when()) {
                Check check = when.condition().test(event, evaluation);
                results.add(new ConditionResult(when.key(), check.matched(), check.reason()));
                reasons.add(check.reason());
            }
            boolean matched = results.stream().allMatch(ConditionResult::matched);
            if (!matched) {
                String failed = results.stream().filter(r -> !r.matched()).map(r -> r.condition() + ": " + r.reason())
                        .collect(Collectors.joining("; "));
                traces.add(new RuleTrace(rule.name(), rule.line(), false, false, "did not match: " + failed, results,
                        List.of(), List.of()));
                continue;
            }
            if (stoppedBy != null) {
                traces.add(new RuleTrace(rule.name(), rule.line(), true, false, "matched, but rule '" + stoppedBy
                        + "' matched first and does not continue", results, List.of(), List.of()));
                continue;
            }
            DecisionContext context = new DecisionContext(event.eventId(), rule.name(), issueKey, now, eventTime,
                    dryRun, ledger, throttle);
            String because = rule.description() + ": " + (reasons.isEmpty() ? "no conditions" : String.join(", ", reasons));
            List<Decision> made = new ArrayList<>();
            List<Decision> held = new ArrayList<>();
            for (Action action : rule.then()) {
                Proposal p = action.propose(event, context);
                Decision decision = new Decision(p.action(), p.target(), because + "; " + p.summary(), rule.name(),
                        p.participants(), p.durationMin(), p.message());
                (p.held() ? held : made).add(decision);
            }
            decisions.addAll(made);
            traces.add(new RuleTrace(rule.name(), rule.line(), true, true, rule.continueAfter()
                    ? "matched and acted; continue: true lets later rules act too" : "matched and acted; later rules do not act",
                    results, made, held));
            if (!rule.continueAfter()) {
                stoppedBy = rule.name();
            }
        }
        return new Explanation(event.eventId(), dryRun, policies.file(), policies.sha256(), traces, decisions);
    }

    private static boolean closes(IssueEvent event) {
        return "issue_closed".equals(event.type()) || "closed".equalsIgnoreCase(event.state() == null ? "" : event.state().trim());
    }

    /** The issue's key, or the event's own id when the event does not name its issue. */
    private static String issueKey(IssueEvent event) {
        try {
            return event.topicKey();
        } catch (IllegalArgumentException unnamed) {
            return "event:" + event.eventId();
        }
    }
}
