package dev.breakdown.chatweb;

import dev.breakdown.chatweb.telemetry.TelemetryProperties;
import dev.breakdown.contracts.Topics;
import jakarta.validation.constraints.Min;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.validation.annotation.Validated;

/** Creates the topics chat-web reads and writes, so it can start before the gateway has ever run. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics chatWebTopics(TopicLayout layout, TelemetryProperties telemetry) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.ACTIONS, layout),
                topic(Topics.OUTCOMES, layout),
                topic(telemetry.topic(), layout));
    }

    private static NewTopic topic(String name, TopicLayout layout) {
        return TopicBuilder.name(name).partitions(layout.partitions()).replicas(layout.replicas()).build();
    }

    /** KAFKA_TOPIC_PARTITIONS and KAFKA_TOPIC_REPLICAS, as every service reads them. */
    @ConfigurationProperties("breakdown.kafka")
    @Validated
    record TopicLayout(
            @DefaultValue("3") @Min(value = 1, message = "KAFKA_TOPIC_PARTITIONS must be at least 1") int partitions,
            @DefaultValue("1") @Min(value = 1, message = "KAFKA_TOPIC_REPLICAS must be at least 1") short replicas) {
    }
}
