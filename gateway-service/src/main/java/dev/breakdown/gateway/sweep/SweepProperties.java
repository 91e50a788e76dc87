package dev.breakdown.gateway.sweep;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The overdue sweep, under {@code breakdown.gateway.sweep} (GATEWAY_SWEEP_ENABLED, GATEWAY_SWEEP_INTERVAL,
 * GATEWAY_SWEEP_ZONE): how often the issues this instance tracks are checked, and in which zone "today" is.
 */
@ConfigurationProperties("breakdown.gateway.sweep")
@Validated
public record SweepProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5m") @NotNull(message = "must be set: GATEWAY_SWEEP_INTERVAL, e.g. 5m") Duration interval,
        @DefaultValue("UTC") @NotNull(message = "must be set: GATEWAY_SWEEP_ZONE, e.g. UTC or Europe/Paris") ZoneId zone) {

    public SweepProperties {
        if (interval != null && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("GATEWAY_SWEEP_INTERVAL (breakdown.gateway.sweep.interval) must be positive, e.g. 5m; got " + interval);
        }
    }
}
