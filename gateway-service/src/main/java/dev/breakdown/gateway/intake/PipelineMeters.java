package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.gateway.action.ActionExecutors;
import dev.breakdown.gateway.action.Publication;
import dev.breakdown.gateway.agent.AgentRejectedIssueException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The pipeline's meters, recorded once the issue batch's transaction has committed (a rolled-back batch counts
 * nothing, its retry counts once): {@value #ACTIONS} by action, executor and result (ok, failed: the outcome's
 * ack); {@value #DEAD_LETTERS} by reason (unreadable, agent_rejected, retries_exhausted); and {@value #LATENCY},
 * from the webhook's {@code received_at} to this commit, per outcome by source, policy and action (events
 * without {@code received_at}, e.g. the overdue sweep's, are not timed).
 */
@Component
public class PipelineMeters {

    public static final String ACTIONS = "breakdown.gateway.actions";
    public static final String DEAD_LETTERS = "breakdown.gateway.dead_letters";
    public static final String LATENCY = "breakdown.pipeline.latency";
    // Tag values come from events and the agent (any AGENTKIT_URL): unusual ones collapse into "other".
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_:.\\-]{1,64}");
    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final ActionExecutors executors;

    public PipelineMeters(MeterRegistry registry, ActionExecutors executors) {
        this.registry = registry;
        this.executors = executors;
    }

    /** One event's committed actions and outcomes, in the order the coordinator made them. */
    void committed(IssueEvent event, List<Publication> publications, Instant committedAt) {
        Map<String, ActionEvent> actions = new HashMap<>();
        boolean anyOutcome = false;
        for (Publication publication : publications) {
            if (publication.value() instanceof ActionEvent action) {
                actions.put(action.eventId(), action);
            } else if (publication.value() instanceof OutcomeEvent outcome) {
                anyOutcome = true;
                ActionEvent action = actions.get(outcome.actionEventId());
                String policy = action == null ? NONE : tag(action.policy());
                count(outcome);
                time(event, policy, tag(outcome.action()), committedAt);
            }
        }
        if (!anyOutcome) {
            // No decision: the event's processing ends with this commit all the same.
            time(event, NONE, NONE, committedAt);
        }
    }

    void deadLettered(RuntimeException cause) {
        String reason = cause instanceof UnreadableIssueException ? "unreadable"
                : cause instanceof AgentRejectedIssueException ? "agent_rejected" : "retries_exhausted";
        Counter.builder(DEAD_LETTERS).description("Issue records sent to issues-dlt, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    private void count(OutcomeEvent outcome) {
        String executor = executors.forAction(outcome.action())
                .map(found -> ClassUtils.getUserClass(found).getSimpleName()).orElse(NONE);
        Counter.builder(ACTIONS).description("Actions carried out and recorded with their outcome")
                .tag("action", tag(outcome.action())).tag("executor", executor)
                .tag("result", outcome.ack() ? "ok" : "failed")
                .register(registry).increment();
    }

    private void time(IssueEvent event, String policy, String action, Instant committedAt) {
        if (event.receivedAt() == null) {
            return;
        }
        Duration latency = Duration.between(event.receivedAt(), committedAt);
        if (latency.isNegative()) {
            return; // the webhook host's clock is ahead of ours: no meaningful figure
        }
        Timer.builder(LATENCY).description("From the webhook's receipt of the delivery to the outcome's commit")
                .tag("source", tag(event.source())).tag("policy", policy).tag("action", action)
                .publishPercentileHistogram()
                // Retries and outages (broker, agent, calendar) reach minutes; beyond this the +Inf bucket counts them.
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry).record(latency);
    }

    private static String tag(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        return TAG_VALUE.matcher(value).matches() ? value : "other";
    }
}
