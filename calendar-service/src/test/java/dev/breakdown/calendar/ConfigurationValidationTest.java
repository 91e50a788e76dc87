package dev.breakdown.calendar;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ConfigurationValidationTest {

    /** Command-line arguments, because builder properties rank below application.yml. */
    private static void start(String setting) {
        new SpringApplicationBuilder(CalendarApplication.class)
                .run("--spring.main.web-application-type=none", "--spring.datasource.url=jdbc:h2:mem:config-test",
                        "--" + setting)
                .close();
    }

    @Test
    void defaultDurationOutOfRangeStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> start("breakdown.calendar.default-duration-min=600"))
                .hasStackTraceContaining("breakdown.calendar")
                .hasStackTraceContaining("defaultDurationMin");
    }

    @Test
    void uidDomainThatIsNoHostNameStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> start("breakdown.calendar.uid-domain=not a host"))
                .hasStackTraceContaining("uidDomain");
    }
}
