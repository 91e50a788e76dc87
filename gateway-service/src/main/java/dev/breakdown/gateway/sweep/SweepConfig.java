package dev.breakdown.gateway.sweep;

import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.kafka.StorePartitionReader;
import dev.breakdown.gateway.kafka.TopicProperties;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.FixedBackOff;

/** The overdue sweep: its store topic, its tracker's listener container, the tracker and the scheduled sweep. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "breakdown.gateway.sweep", name = "enabled", havingValue = "true", matchIfMissing = true)
public class SweepConfig {

    static final String CONTAINER_FACTORY = "dueTrackerContainerFactory";

    /** Compacted only: a snapshot lives as long as its issue is open with a due date. */
    @Bean
    NewTopic dueIssuesTopic(TopicProperties topics) {
        return TopicBuilder.name(DueIssues.TOPIC).partitions(topics.partitions()).replicas(topics.replicas())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    @Bean
    DueIssues dueIssues(KafkaTemplate<String, byte[]> template, StorePartitionReader reader,
            GatewayProperties properties) {
        return new DueIssues(template, reader, properties);
    }

    /**
     * Boot's settings and Kafka transaction manager, but batches (one transaction per poll), its own rebalance
     * listener (the due-date store) and no dead-lettering (the main listener does that): a failed batch is retried
     * until it goes through.
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> dueTrackerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            DueIssues dueIssues) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        factory.getContainerProperties().setConsumerRebalanceListener(dueIssues.rebalanceListener());
        // Nobody waits for the tracker: a fetch gathers up to a second of events, so a transaction per second at most.
        Properties fetch = new Properties();
        fetch.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
        fetch.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1000);
        factory.getContainerProperties().setKafkaConsumerProperties(fetch);
        return factory;
    }

    @Bean
    DueTracker dueTracker(DueIssues dueIssues) {
        return new DueTracker(dueIssues);
    }

    @Bean
    OverdueSweep overdueSweep(DueIssues dueIssues, KafkaTemplate<String, byte[]> template, SweepProperties properties,
            ObjectProvider<Clock> clock) {
        return new OverdueSweep(dueIssues, template, properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
