package dev.breakdown.agent.run;

import dev.breakdown.agent.policy.PolicyEngine;
import dev.breakdown.agent.web.BadRequestException;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.RunResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The AgentKit-compatible endpoint: an IssueEvent in, the decisions for it out. */
@RestController
class RunController {

    private final PolicyEngine engine;

    RunController(PolicyEngine engine) {
        this.engine = engine;
    }

    @PostMapping(path = "/run", consumes = MediaType.APPLICATION_JSON_VALUE)
    RunResponse run(@RequestBody IssueEvent event) {
        requirePresent("event_id", event.eventId());
        requirePresent("source", event.source());
        return new RunResponse(event.eventId(), engine.decide(event));
    }

    private static void requirePresent(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("missing_field", "Field '" + field + "' is required in the IssueEvent");
        }
    }
}
