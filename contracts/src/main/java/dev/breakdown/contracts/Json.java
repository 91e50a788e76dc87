package dev.breakdown.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON settings of the message contracts, for code that has no Spring-configured mapper. */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
