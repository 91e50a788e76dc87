package dev.breakdown.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One action the gateway decided to take for an issue event; the value of the {@code actions} topic. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("action") String action,
        @JsonProperty("target") String target,
        @JsonProperty("rationale") String rationale,
        @JsonProperty("source_ref") String sourceRef,
        @JsonProperty("source_event_id") String sourceEventId,
        @JsonProperty("policy") String policy,
        @JsonProperty("created_at") Instant createdAt) {

    public static final String ASSIGN_OWNER = "assign_owner";
    public static final String POST_NUDGE = "post_nudge";
    public static final String SCHEDULE_UNBLOCKER = "schedule_unblocker";
    public static final String ESCALATE_OWNER = "escalate_owner";
}
