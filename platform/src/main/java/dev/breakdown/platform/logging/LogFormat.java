package dev.breakdown.platform.logging;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The values LOG_FORMAT takes, each with the structured console format of Spring Boot it selects (none: text). */
enum LogFormat {
    TEXT(null),
    // one JSON object per line in Elastic Common Schema, which Elastic, OpenSearch, Loki and Datadog read as is
    JSON("ecs"),
    ECS("ecs"),
    LOGSTASH("logstash"),
    GELF("gelf");

    private final String structured;

    LogFormat(String structured) {
        this.structured = structured;
    }

    Optional<String> structured() {
        return Optional.ofNullable(structured);
    }

    static LogFormat of(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidLogFormatException(value, names());
        }
    }

    static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
