package dev.breakdown.chatweb.telemetry;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Chat telemetry: the topic (REDPANDA_TELEMETRY_TOPIC), on or off (CHAT_TELEMETRY), how long to wait for the
 * broker's ack before answering 503 (CHAT_TELEMETRY_ACK_TIMEOUT) and the per-user limit per minute.
 */
@ConfigurationProperties("breakdown.chat-web.telemetry")
@Validated
public record TelemetryProperties(
        @DefaultValue("chatkit_telemetry") @NotBlank(message = "must not be blank: REDPANDA_TELEMETRY_TOPIC") String topic,
        @DefaultValue("on") String mode,
        @DefaultValue("5s") @NotNull Duration ackTimeout,
        @DefaultValue("60") @Min(value = 1, message = "CHAT_TELEMETRY_RATE_LIMIT must be at least 1") int perUserPerMinute,
        @DefaultValue("16384") @Min(1) int maxBodyBytes) {

    public boolean enabled() {
        return mode == null || mode.trim().toLowerCase(Locale.ROOT).equals("on");
    }

    @AssertTrue(message = "CHAT_TELEMETRY must be 'on' or 'off'")
    public boolean isModeValid() {
        return mode == null || mode.trim().equalsIgnoreCase("on") || mode.trim().equalsIgnoreCase("off");
    }
}
