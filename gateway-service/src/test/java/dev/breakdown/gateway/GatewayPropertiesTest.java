package dev.breakdown.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The gateway's settings as application.yml maps them from the environment. */
class GatewayPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsMatchTheArchitecture() {
        runner.run(context -> {
            GatewayProperties properties = context.getBean(GatewayProperties.class);
            assertThat(properties.agentkitUri()).isEqualTo(URI.create("http://localhost:8000/run"));
            assertThat(properties.calendarApiBaseUri()).isEqualTo(URI.create("http://localhost:7300/api"));
            assertThat(properties.concurrency()).isEqualTo(1);
            assertThat(properties.batch().maxWait()).isEqualTo(Duration.ofMillis(10));
            // Executors declare their own risk deltas (ActionExecutorsTest); configuration only overrides.
            assertThat(properties.configuredRiskDelta("assign_owner")).isEmpty();
            assertThat(properties.failureRiskDelta()).isEqualTo(0.1);
            assertThat(properties.retry().initialInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(properties.retry().multiplier()).isEqualTo(2.0);
            assertThat(properties.retry().maxInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.retry().maxAttempts()).isEqualTo(5);
            assertThat(properties.transactionTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.dedup().retention()).isEqualTo(Duration.ofDays(3));
            assertThat(properties.dedup().maxEntriesPerPartition()).isEqualTo(250_000);
        });
    }

    @Test
    void environmentVariablesSetTheUrls() {
        runner.withPropertyValues("AGENTKIT_URL=https://agents.example.com/v1/run", "CALENDAR_API_BASE=http://calendar:7300/api")
                .run(context -> {
                    GatewayProperties properties = context.getBean(GatewayProperties.class);
                    assertThat(properties.agentkitUri()).isEqualTo(URI.create("https://agents.example.com/v1/run"));
                    assertThat(properties.calendarApiBaseUri()).isEqualTo(URI.create("http://calendar:7300/api"));
                });
    }

    @Test
    void riskDeltasCanBeOverriddenOneByOne() {
        runner.withPropertyValues("breakdown.gateway.risk-deltas.post-nudge=-0.5",
                        "breakdown.gateway.risk-deltas[assign_owner]=-0.25",
                        "breakdown.gateway.failure-risk-delta=0.3")
                .run(context -> {
                    GatewayProperties properties = context.getBean(GatewayProperties.class);
                    assertThat(properties.configuredRiskDelta("post_nudge")).contains(-0.5);
                    assertThat(properties.configuredRiskDelta("assign_owner")).contains(-0.25);
                    assertThat(properties.configuredRiskDelta("escalate_owner")).isEmpty();
                    assertThat(properties.failureRiskDelta()).isEqualTo(0.3);
                });
    }

    @Test
    void riskDeltaCanBeSetFromTheEnvironment() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("BREAKDOWN_GATEWAY_RISKDELTAS_POSTNUDGE", "-0.4", "AGENTKIT_URL", "http://agent:8000/run"))))
                .run(context -> {
                    GatewayProperties properties = context.getBean(GatewayProperties.class);
                    assertThat(properties.configuredRiskDelta("post_nudge")).contains(-0.4);
                    assertThat(properties.agentkitUri()).isEqualTo(URI.create("http://agent:8000/run"));
                });
    }

    @Test
    void batchWaitComesFromTheEnvironmentAndIsBounded() {
        runner.withPropertyValues("GATEWAY_BATCH_MAX_WAIT=0ms").run(context ->
                assertThat(context.getBean(GatewayProperties.class).batch().maxWait()).isZero());
        runner.withPropertyValues("GATEWAY_BATCH_MAX_WAIT=5s").run(context ->
                assertThat(context).getFailure().satisfies(f -> assertThat(messages(f)).contains("GATEWAY_BATCH_MAX_WAIT")));
    }

    @Test
    void agentkitUrlThatIsNotAUrlStopsTheServiceNamingIt() {
        runner.withPropertyValues("AGENTKIT_URL=not a url").run(context ->
                assertThat(context).getFailure().satisfies(f -> assertThat(messages(f)).contains("AGENTKIT_URL")));
    }

    @Test
    void agentkitUrlWithoutHttpSchemeStopsTheServiceNamingIt() {
        runner.withPropertyValues("AGENTKIT_URL=localhost:8000/run").run(context ->
                assertThat(context).getFailure().satisfies(f -> assertThat(messages(f)).contains("AGENTKIT_URL")));
    }

    @Test
    void calendarBaseWithWrongSchemeStopsTheServiceNamingIt() {
        runner.withPropertyValues("CALENDAR_API_BASE=ftp://calendar/api").run(context ->
                assertThat(context).getFailure().satisfies(f -> assertThat(messages(f)).contains("CALENDAR_API_BASE")));
    }

    /** All messages of the failure and its causes, as a person reading the log sees them. */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
