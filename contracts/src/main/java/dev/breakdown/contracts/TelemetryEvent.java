package dev.breakdown.contracts;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** The browser's telemetry body (it must have {@code type}) plus {@code ts} and {@code userId}. */
public record TelemetryEvent(
        @JsonProperty("type") String type,
        @JsonProperty("ts") long ts,
        @JsonProperty("userId") String userId,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> attributes) {

    public TelemetryEvent {
        attributes = attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
    }
}
