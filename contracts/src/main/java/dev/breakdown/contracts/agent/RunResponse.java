package dev.breakdown.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code POST {AGENTKIT_URL}}: the decisions for one IssueEvent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResponse(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("decisions") List<Decision> decisions) {

    public RunResponse {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
