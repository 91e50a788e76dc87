package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The issue listener's container: one Kafka transaction per poll batch (offsets of the whole batch in it), fetches
 * that wait a moment to fill a batch, rolled back batches retried by {@link IssueBatchRollback}; and the dead-letter publisher the listener calls inside the
 * batch's transaction. Set on the issue listener's container only, so other listeners keep the factory's settings.
 */
@Configuration(proxyBeanMethods = false)
public class IssueBatchConfig {

    /** Bean name referenced by {@link IssueListener}'s {@code containerPostProcessor}. */
    public static final String CONTAINER_POST_PROCESSOR = "issueBatchContainer";

    /**
     * A fetch waits up to GATEWAY_BATCH_MAX_WAIT for this much: under light load a few records share one transaction
     * (each costs the broker a dozen requests) for a few ms of latency; a backlog fills it at once.
     */
    static final int FILL_BATCH_BYTES = 1024 * 1024;

    @Bean(CONTAINER_POST_PROCESSOR)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> issueBatchContainer(
            IssueRetries retries, GatewayProperties properties) {
        IssueBatchRollback rollback = new IssueBatchRollback(retries, properties.retry().initialInterval());
        Map<String, Object> fetch = Map.of(
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FILL_BATCH_BYTES,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) properties.batch().maxWait().toMillis());
        return container -> {
            container.getContainerProperties().setAckMode(AckMode.BATCH);
            container.setAfterRollbackProcessor(rollback);
            Properties consumer = new Properties();
            consumer.putAll(container.getContainerProperties().getKafkaConsumerProperties());
            consumer.putAll(fetch);
            container.getContainerProperties().setKafkaConsumerProperties(consumer);
        };
    }

    /** Values are consumed as raw bytes, so the dead letter is the original record byte for byte, same partition. */
    @Bean
    DeadLetterPublishingRecoverer issueDeadLetters(KafkaTemplate<String, byte[]> template, IssueRetries retries) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.ISSUES_DLT, record.partition()));
        recoverer.addHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[] {new RecordHeader(
                IssueErrorHandling.ATTEMPTS_HEADER,
                Integer.toString(retries.attempts(record)).getBytes(StandardCharsets.UTF_8))}));
        return recoverer;
    }
}
