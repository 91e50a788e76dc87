package dev.breakdown.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway, under {@code breakdown.gateway}. The URLs come from AGENTKIT_URL and
 * CALENDAR_API_BASE (see application.yml). They are bound as text and validated here, because a failed
 * String-to-URI conversion could not say which variable to fix; read them with {@link #agentkitUri()} and
 * {@link #calendarApiBaseUri()}.
 */
@ConfigurationProperties("breakdown.gateway")
@Validated
public record GatewayProperties(
        @NotNull(message = "must be set: AGENTKIT_URL, the agent's run endpoint, e.g. http://localhost:8000/run")
        @HttpUrl(message = "must be an absolute http(s) URL: check AGENTKIT_URL, e.g. http://localhost:8000/run")
        String agentkitUrl,
        @NotNull(message = "must be set: CALENDAR_API_BASE, e.g. http://localhost:7300/api")
        @HttpUrl(message = "must be an absolute http(s) URL: check CALENDAR_API_BASE, e.g. http://localhost:7300/api")
        String calendarApiBase,
        @DefaultValue("1") @Min(1) int concurrency,
        @DefaultValue("60s") @NotNull Duration transactionTimeout,
        Map<String, Double> riskDeltas,
        @DefaultValue("0.1") double failureRiskDelta,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Dedup dedup,
        @DefaultValue @Valid Batch batch) {

    public GatewayProperties {
        Map<String, Double> normalized = new LinkedHashMap<>();
        if (riskDeltas != null) {
            riskDeltas.forEach((action, delta) -> normalized.put(normalize(action), delta));
        }
        riskDeltas = Map.copyOf(normalized);
    }

    public URI agentkitUri() {
        return URI.create(agentkitUrl.trim());
    }

    public URI calendarApiBaseUri() {
        return URI.create(calendarApiBase.trim());
    }

    /** The risk delta configured for a successful action, overriding its executor's default. */
    public Optional<Double> configuredRiskDelta(String action) {
        return action == null ? Optional.empty() : Optional.ofNullable(riskDeltas.get(normalize(action)));
    }

    // Map keys lose '_' in relaxed binding (assign_owner -> assignowner), so every spelling is compared without it.
    private static String normalize(String action) {
        return action.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * The processed-events store: an issue event whose event_id was processed within {@code retention} yields no
     * new actions. The default is GitHub's redelivery window; memory is bounded by both settings.
     */
    public record Dedup(
            @DefaultValue("3d") @NotNull Duration retention,
            @DefaultValue("250000") @Min(1) int maxEntriesPerPartition) {
    }

    /**
     * Batching of the issue listener: at most {@code maxRecords} issue records per poll, all committed in one
     * Kafka transaction; the agent and calendar calls of different issues in a batch run on up to
     * {@code parallelism} threads (one issue's events stay in order); a fetch waits up to {@code maxWait} for more
 * records when few are there.
     */
    public record Batch(
            @DefaultValue("200") @Min(1) int maxRecords,
            @DefaultValue("16") @Min(1) int parallelism,
            @DefaultValue("10ms") @NotNull Duration maxWait) {

        @AssertTrue(message = "GATEWAY_BATCH_MAX_WAIT must be between 0 and 1s (it adds up to that much latency)")
        public boolean isMaxWaitInRange() {
            return maxWait == null || !maxWait.isNegative() && maxWait.compareTo(Duration.ofSeconds(1)) <= 0;
        }
    }

    /** Back-off of the blocking retries before a record goes to issues-dlt. */
    public record Retry(
            @DefaultValue("500ms") @NotNull Duration initialInterval,
            @DefaultValue("2") @DecimalMin("1.0") double multiplier,
            @DefaultValue("10s") @NotNull Duration maxInterval,
            @DefaultValue("5") @Min(1) int maxAttempts) {
    }
}
