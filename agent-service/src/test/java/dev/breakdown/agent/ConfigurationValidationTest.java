package dev.breakdown.agent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ConfigurationValidationTest {

    /** Command-line arguments, because builder properties rank below application.yml. */
    private static void start(String setting) {
        new SpringApplicationBuilder(AgentApplication.class)
                .run("--spring.main.web-application-type=none", "--" + setting)
                .close();
    }

    @Test
    void unblockerLengthOutOfRangeStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> start("breakdown.agent.unblocker-minutes=0"))
                .hasStackTraceContaining("breakdown.agent")
                .hasStackTraceContaining("unblockerMinutes");
    }

    @Test
    void unknownZoneStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> start("breakdown.agent.zone=Mars/Olympus"))
                .hasStackTraceContaining("breakdown.agent.zone");
    }

    @Test
    void blankTeamStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> start("breakdown.agent.platform-team= "))
                .hasStackTraceContaining("platformTeam");
    }
}
