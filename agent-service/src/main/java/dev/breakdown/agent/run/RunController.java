package dev.breakdown.agent.run;

import dev.breakdown.agent.policy.Explanation;
import dev.breakdown.agent.policy.PolicyEngine;
import dev.breakdown.agent.policy.PolicyStore;
import dev.breakdown.agent.web.BadRequestException;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.RunResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The AgentKit-compatible endpoint (an IssueEvent in, the decisions for it out), explain, and the policies in force. */
@RestController
class RunController {

    private final PolicyEngine engine;
    private final PolicyStore store;

    RunController(PolicyEngine engine, PolicyStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** With {@code dry_run=true} nothing is recorded and the answer is the explanation (a RunResponse plus rules). */
    @PostMapping(path = "/run", consumes = MediaType.APPLICATION_JSON_VALUE)
    Object run(@RequestBody IssueEvent event, @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        validate(event);
        return dryRun ? engine.explain(event) : new RunResponse(event.eventId(), engine.decide(event));
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
