package dev.breakdown.platform.kafka;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The "kafka" health indicator for every service that talks to Kafka (has a {@link KafkaAdmin}) and has Actuator.
 * Each such service lists it in {@code management.endpoint.health.group.readiness.include}; off with
 * {@code management.health.kafka.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ KafkaAdmin.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
public class KafkaHealthAutoConfiguration {

    @Bean("kafka")
    @ConditionalOnMissingBean(name = "kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, Environment environment) {
        Duration timeout = Binder.get(environment).bind("breakdown.kafka.health-timeout", Duration.class)
                .orElse(Duration.ofSeconds(3));
        return new KafkaHealthIndicator(kafkaAdmin, timeout);
    }
}
