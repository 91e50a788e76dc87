package dev.breakdown.chatweb.chatkit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code breakdown.chat-web.chatkit}: CHATKIT_STREAM_TIMEOUT, the longest a streamed answer may stay open. */
@ConfigurationProperties("breakdown.chat-web.chatkit")
@Validated
public record ChatKitProperties(
        @DefaultValue("10m") @NotNull(message = "CHATKIT_STREAM_TIMEOUT must be a duration such as 10m") Duration streamTimeout) {

    public ChatKitProperties {
        if (streamTimeout != null && (streamTimeout.isNegative() || streamTimeout.isZero())) {
            throw new IllegalArgumentException("CHATKIT_STREAM_TIMEOUT must be positive, was " + streamTimeout);
        }
    }
}
