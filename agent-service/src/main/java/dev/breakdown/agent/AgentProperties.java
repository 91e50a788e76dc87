package dev.breakdown.agent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the default policies ({@code breakdown.agent.*}).
 *
 * @param platformTeam     team that gets escalated P0 bugs ({@code team:<name>})
 * @param triageTeam       team that triages new issues and unassigned overdue ones
 * @param frontendOwner    the frontend specialist ({@code owner:<name>})
 * @param unblockerMinutes length of an unblocker meeting
 * @param zone             the zone whose calendar day decides whether a due date has passed
 */
@Validated
@ConfigurationProperties("breakdown.agent")
public record AgentProperties(
        @NotBlank String platformTeam,
        @NotBlank String triageTeam,
        @NotBlank String frontendOwner,
        @Min(1) @Max(480) int unblockerMinutes,
        @NotNull ZoneId zone) {

    public String platformTarget() {
        return "team:" + platformTeam;
    }

    public String triageTarget() {
        return "team:" + triageTeam;
    }
}
