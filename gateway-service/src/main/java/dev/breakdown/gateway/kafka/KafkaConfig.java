package dev.breakdown.gateway.kafka;

import dev.breakdown.contracts.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the topics the gateway reads and writes (issues-dlt with as many partitions as issues, because a dead
 * letter keeps its source partition), and the Kafka health check.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics gatewayTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.ISSUES, topics),
                topic(Topics.ACTIONS, topics),
                topic(Topics.OUTCOMES, topics),
                topic(Topics.ISSUES_DLT, topics));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin, Duration.ofSeconds(3));
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }
}
