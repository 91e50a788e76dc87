package dev.breakdown.gateway.kafka;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How the topics this service creates are laid out (KAFKA_TOPIC_PARTITIONS, KAFKA_TOPIC_REPLICAS). */
@ConfigurationProperties("breakdown.kafka")
@Validated
public record TopicProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicas) {
}
