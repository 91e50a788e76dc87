package dev.breakdown.gateway.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The sweep's settings as application.yml maps them from GATEWAY_SWEEP_*. */
class SweepPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SweepProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void sweepsEveryFiveMinutesInUtcByDefault() {
        runner.run(context -> {
            SweepProperties properties = context.getBean(SweepProperties.class);
            assertThat(properties.enabled()).isTrue();
            assertThat(properties.interval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.zone()).isEqualTo(ZoneId.of("UTC"));
        });
    }

    @Test
    void environmentVariablesSetIntervalZoneAndSwitch() {
        runner.withPropertyValues("GATEWAY_SWEEP_INTERVAL=30s", "GATEWAY_SWEEP_ZONE=Europe/Paris", "GATEWAY_SWEEP_ENABLED=false")
                .run(context -> {
                    SweepProperties properties = context.getBean(SweepProperties.class);
                    assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
                    assertThat(properties.enabled()).isFalse();
                });
    }

    @Test
    void unknownZoneStopsTheServiceNamingTheSetting() {
        runner.withPropertyValues("GATEWAY_SWEEP_ZONE=Mars/Olympus").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Mars/Olympus");
            assertThat(fullMessage(context.getStartupFailure())).contains("breakdown.gateway.sweep.zone");
        });
    }

    @Test
    void zeroIntervalStopsTheServiceNamingTheVariable() {
        runner.withPropertyValues("GATEWAY_SWEEP_INTERVAL=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(fullMessage(context.getStartupFailure())).contains("GATEWAY_SWEEP_INTERVAL", "must be positive");
        });
    }

    private static String fullMessage(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
