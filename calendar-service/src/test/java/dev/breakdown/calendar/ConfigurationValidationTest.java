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

    @Test
    void publicUrlThatIsNoHttpUrlStopsTheServiceNamingTheVariable() {
        assertThatThrownBy(() -> start("breakdown.calendar.public-url=localhost:7300"))
                .hasStackTraceContaining("CALENDAR_PUBLIC_URL");
    }

    @Test
    void shortFeedTokenStopsTheServiceNamingTheVariable() {
        assertThatThrownBy(() -> start("breakdown.calendar.feed-token=secret"))
                .hasStackTraceContaining("CALENDAR_FEED_TOKEN");
    }

    @Test
    void slackWebhookThatIsNoUrlStopsTheServiceNamingTheVariable() {
        assertThatThrownBy(() -> start("breakdown.calendar.nudges.slack-webhook-url=hooks.slack.com/services/T0"))
                .hasStackTraceContaining("NUDGE_SLACK_WEBHOOK_URL");
    }

    @Test
    void horizonOutOfRangeStopsTheServiceNamingTheVariable() {
        assertThatThrownBy(() -> start("breakdown.calendar.scheduling.horizon-days=0"))
                .hasStackTraceContaining("CALENDAR_SCHEDULING_HORIZON_DAYS");
    }
}
