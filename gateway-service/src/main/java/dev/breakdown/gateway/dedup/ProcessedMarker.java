package dev.breakdown.gateway.dedup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The value of a record on agent-gw-processed (key: the issue event's event_id): who processed it, from where, when. */
public record ProcessedMarker(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("issue_key") String issueKey,
        @JsonProperty("source") String source,
        @JsonProperty("processed_at") Instant processedAt) {
}
