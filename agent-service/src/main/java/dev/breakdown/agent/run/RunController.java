package dev.breakdown.agent.run;

import dev.breakdown.agent.policy.Explanation;
import dev.breakdown.agent.policy.PolicyEngine;
import dev.breakdown.agent.policy.PolicyStore;
import dev.breakdown.agent.web.BadRequestException;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.RunResponse;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The AgentKit-compatible endpoint (an IssueEvent in, the decisions for it out), explain, and the policies in force. */
@RestController
class RunController {

    /** The log context key naming the event being decided (LOG_FORMAT=json shows it on every line). */
    static final String EVENT_ID = "event_id";
    private static final Logger log = LoggerFactory.getLogger(RunController.class);

    private final PolicyEngine engine;
    private final PolicyStore store;
    private final DecisionMeters meters;

    RunController(PolicyEngine engine, PolicyStore store, DecisionMeters meters) {
        this.engine = engine;
        this.store = store;
        this.meters = meters;
    }

    /** With {@code dry_run=true} nothing is recorded and the answer is the explanation (a RunResponse plus rules). */
    @PostMapping(path = "/run", consumes = MediaType.APPLICATION_JSON_VALUE)
    Object run(@RequestBody IssueEvent event, @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        validate(event);
        try (MDC.MDCCloseable context = MDC.putCloseable(EVENT_ID, event.eventId())) {
            if (dryRun) {
                return engine.explain(event);
            }
            Explanation decided = engine.run(event);
            meters.count(decided);
            // DEBUG: one line per event costs at load; the id is in the log context, the counters say how many.
            log.debug("decided: {}", decided.decisions().isEmpty() ? "no rule acted" : decided.decisions().stream()
                    .map(d -> d.action() + " " + d.target() + " (" + d.policy() + ")").collect(Collectors.joining(", ")));
            return new RunResponse(event.eventId(), decided.decisions());
        }
    }

    @PostMapping(path = "/explain", consumes = MediaType.APPLICATION_JSON_VALUE)
    Explanation explain(@RequestBody IssueEvent event) {
        validate(event);
        return engine.explain(event);
    }

    @GetMapping("/policies")
    PolicyStore.Status policies() {
        return store.status();
    }

    private static void validate(IssueEvent event) {
        if (event == null) {
            throw new BadRequestException("invalid_body", "The body must be an IssueEvent JSON object");
        }
        requirePresent("event_id", event.eventId());
        requirePresent("source", event.source());
    }

    private static void requirePresent(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("missing_field", "Field '" + field + "' is required in the IssueEvent");
        }
    }
}
