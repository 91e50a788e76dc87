package dev.breakdown.chatweb.activity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live activity view: where it starts reading (CHAT_ACTIVITY_LOOKBACK), how many entries it keeps
 * (CHAT_ACTIVITY_MAX_ENTRIES) and its consumer group (CHAT_ACTIVITY_GROUP).
 */
@ConfigurationProperties("breakdown.chat-web.activity")
@Validated
public record ActivityProperties(
        @DefaultValue("24h") @NotNull(message = "must be set: CHAT_ACTIVITY_LOOKBACK, e.g. 24h") Duration lookback,
        @DefaultValue("20000") @Min(value = 1, message = "CHAT_ACTIVITY_MAX_ENTRIES must be at least 1")
        @Max(value = 1_000_000, message = "CHAT_ACTIVITY_MAX_ENTRIES must be at most 1000000 (entries are kept in memory)")
        int maxEntries,
        @DefaultValue("chat-web-activity") @NotBlank(message = "must not be blank: CHAT_ACTIVITY_GROUP") String group,
        @DefaultValue("100ms") @NotNull Duration pushInterval) {

    @AssertTrue(message = "CHAT_ACTIVITY_LOOKBACK must be positive, e.g. 24h or 7d")
    public boolean isLookbackPositive() {
        return lookback == null || !lookback.isNegative() && !lookback.isZero();
    }
}
