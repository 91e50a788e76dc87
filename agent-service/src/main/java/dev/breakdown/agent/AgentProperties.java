package dev.breakdown.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the agent ({@code breakdown.agent.*}).
 *
 * @param policyFile           the policy file: {@code classpath:...}, {@code file:...} or a plain path
 * @param zone                 the zone whose calendar day is "today" for due dates, unless the file sets {@code zone:}
 * @param policyReloadInterval how often a policy file on disk is checked for changes; 0 turns reloading off
 */
@Validated
@ConfigurationProperties("breakdown.agent")
public record AgentProperties(
        @NotBlank String policyFile,
        @NotNull ZoneId zone,
        @NotNull Duration policyReloadInterval) {
}
