package dev.breakdown.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One decision of the agent. {@code participants} and {@code duration_min} matter to
 * {@code schedule_unblocker}; {@code message} is the nudge's text for {@code post_nudge} and the meeting's title for
 * {@code schedule_unblocker} (both from the policy's templates). Other agents may leave them out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
        @JsonProperty("action") String action,
        @JsonProperty("target") String target,
        @JsonProperty("rationale") String rationale,
        @JsonProperty("policy") String policy,
        @JsonProperty("participants") List<String> participants,
        @JsonProperty("duration_min") Integer durationMin,
        @JsonProperty("message") String message) {

    public static Decision of(String action, String target, String rationale, String policy) {
        return new Decision(action, target, rationale, policy, null, null, null);
    }
}
