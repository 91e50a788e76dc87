package dev.breakdown.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class KafkaHealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaHealthAutoConfiguration.class));

    @Test
    void upWithClusterIdAndNodesThenDownWithinTheTimeoutOnceTheBrokerIsGone() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try {
            runner.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "breakdown.kafka.health-timeout=1s").run(context -> {
                HealthIndicator kafka = context.getBean("kafka", HealthIndicator.class);

                String clusterId = broker.doWithAdminFunction(admin -> {
                    try {
                        return admin.describeCluster().clusterId().get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Health up = kafka.health(true);
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                assertThat(up.getDetails()).containsEntry("clusterId", clusterId)
                        .containsEntry("nodes", 1);

                broker.destroy();
                Instant asked = Instant.now();
                Health down = kafka.health(true);
                // Two bounded waits of 1 s each (cluster id, nodes) plus slack: a probe never hangs on a dead broker.
                assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
                assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                assertThat(down.getDetails()).containsKey("error");
            });
        } finally {
            broker.destroy();
        }
    }

    @Test
    void noIndicatorWithoutKafka() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaHealthAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("kafka"));
    }

    @Test
    void managementHealthKafkaEnabledFalseTurnsItOff() {
        runner.withPropertyValues("management.health.kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("kafka"));
    }
}
