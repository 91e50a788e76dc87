package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.agent.AgentRejectedIssueException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Retries a failed issue in place with a bounded exponential back-off (keeping the issue's order), then
 * publishes it with spring-kafka's exception headers to issues-dlt, same partition. Boot wires this
 * handler into the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class IssueErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(IssueErrorHandling.class);

    @Bean
    DefaultErrorHandler issueErrorHandler(KafkaTemplate<String, byte[]> template, GatewayProperties properties) {
        // Values are consumed as raw bytes, so the dead letter is the original record byte for byte.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.ISSUES_DLT, record.partition()));
        GatewayProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableIssueException.class, AgentRejectedIssueException.class);
        handler.setRetryListeners(new IssueRetryLog());
        return handler;
    }

    /** Says which record failed and why, once per attempt and once when it is dead-lettered. */
    static final class IssueRetryLog implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            log.warn("issue record {}-{}@{} (key {}) failed, attempt {}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), deliveryAttempt, reason(ex));
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
            log.error("issue record {}-{}@{} (key {}) sent to {}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), Topics.ISSUES_DLT, reason(ex));
        }

        // The container wraps what the listener threw; the wrapped exception is the one that explains it.
        private static String reason(Exception ex) {
            Throwable cause = ex instanceof ListenerExecutionFailedException && ex.getCause() != null ? ex.getCause() : ex;
            return cause.toString();
        }
    }
}
