package dev.breakdown.gateway.action;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.contracts.agent.RunResponse;
import dev.breakdown.gateway.agent.AgentClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * For one issue event: asks the agent, then for each decision records the action, executes it and records
 * the outcome, all inside the listener's Kafka transaction. Agent, broker and transient calendar failures
 * propagate: the transaction rolls back and the whole event is retried, with the same event ids and
 * Idempotency-Keys, so calendar-service returns the meeting or nudge it already made. A permanent failure
 * becomes an ack-false outcome instead.
 */
@Component
public class IssueCoordinator {

    private static final Logger log = LoggerFactory.getLogger(IssueCoordinator.class);
    private static final int MAX_DETAIL = 200;

    private final AgentClient agent;
    private final ActionExecutors executors;
    private final Outcomes outcomes;
    private final EventPublisher publisher;

    public IssueCoordinator(AgentClient agent, ActionExecutors executors, Outcomes outcomes, EventPublisher publisher) {
        this.agent = agent;
        this.executors = executors;
        this.outcomes = outcomes;
        this.publisher = publisher;
    }

    public void handle(IssueEvent issue) {
        carryOut(issue).forEach(publisher::publish);
    }

    /**
     * Asks the agent and executes the decisions, returning the action and outcome records to publish, in order,
     * without writing them: safe on a worker thread, while the records go into the transaction on the listener's.
     */
    public List<Publication> carryOut(IssueEvent issue) {
        RunResponse response = agent.decide(issue);
        String key = issue.topicKey();
        log.debug("event {} for {}: {} decision(s)", issue.eventId(), key, response.decisions().size());
        List<Publication> records = new ArrayList<>(2 * response.decisions().size());
        for (Decision decision : response.decisions()) {
            ActionEvent action = ActionEvents.of(issue, decision, Instant.now());
            records.add(new Publication(Topics.ACTIONS, key, action));
            OutcomeEvent outcome = execute(new ActionContext(action, decision, issue));
            records.add(new Publication(Topics.OUTCOMES, key, outcome));
        }
        return records;
    }

    private OutcomeEvent execute(ActionContext context) {
        ActionEvent action = context.action();
        ActionExecutor executor = executors.forAction(action.action()).orElse(null);
        if (executor == null) {
            log.warn("no executor for action {} (event {})", action.action(), action.eventId());
            return outcomes.failed(action, "no executor for action " + action.action(), Instant.now());
        }
        try {
            return outcomes.done(action, executor.execute(context), Instant.now());
        } catch (TransientActionException e) {
            throw e;
        } catch (ActionFailedException e) {
            log.warn("action {} {} failed: {}", action.action(), action.eventId(), e.getMessage());
            return outcomes.failed(action, shorten(e.getMessage()), Instant.now());
        } catch (RuntimeException e) {
            // A bug in one executor must not hold back the issue's other actions; the stack trace goes to the log.
            log.error("action {} {} failed unexpectedly", action.action(), action.eventId(), e);
            return outcomes.failed(action, shorten(e.getClass().getSimpleName() + ": " + e.getMessage()), Instant.now());
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "failed without a message";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
