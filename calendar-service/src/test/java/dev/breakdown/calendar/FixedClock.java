package dev.breakdown.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** "Now" is Sunday 2030-01-06 12:00 UTC, so the slots the scheduler finds are known in advance. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final Instant NOW = Instant.parse("2030-01-06T12:00:00Z");

    @Bean
    @Primary
    Clock clockAtNow() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
