package dev.breakdown.gateway.kafka;

import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.dedup.ProcessedEvents;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Creates the topics the gateway reads and writes (issues-dlt and the processed-events store with as many
 * partitions as issues, because both keep the source partition), the Kafka transaction manager the listener
 * container runs each record in. The Kafka health check comes from platform.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics gatewayTopics(TopicProperties topics, GatewayProperties gateway) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.ISSUES, topics),
                topic(Topics.ACTIONS, topics),
                topic(Topics.OUTCOMES, topics),
                topic(Topics.ISSUES_DLT, topics),
                TopicBuilder.name(ProcessedEvents.TOPIC).partitions(topics.partitions()).replicas(topics.replicas())
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(gateway.dedup().retention().toMillis()))
                        .build());
    }

    /**
     * Boot's manager, plus transaction synchronization: the processed-events store learns a marker only once
     * its transaction has committed.
     */
    @Bean
    KafkaTransactionManager<?, ?> kafkaTransactionManager(ProducerFactory<?, ?> producerFactory) {
        KafkaTransactionManager<?, ?> manager = new KafkaTransactionManager<>(producerFactory);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
        return manager;
    }

    /** A transaction left open by a crashed instance is aborted by the broker after this long. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer transactionTimeout(GatewayProperties gateway) {
        int millis = (int) Math.min(Integer.MAX_VALUE, gateway.transactionTimeout().toMillis());
        return factory -> factory.updateConfigs(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, millis));
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }
}
