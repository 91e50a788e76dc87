package dev.breakdown.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The result of executing one action; the value of the {@code outcomes} topic. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutcomeEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("risk_delta") double riskDelta,
        @JsonProperty("ack") boolean ack,
        @JsonProperty("action_event_id") String actionEventId,
        @JsonProperty("action") String action,
        @JsonProperty("detail") String detail,
        @JsonProperty("created_at") Instant createdAt) {
}
