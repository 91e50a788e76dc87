package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.agent.AgentRejectedIssueException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens after an issue's transaction rolled back: the container seeks back (keeping each partition's
 * order) and tries again after an exponential back-off; after the last attempt, or at once for a record that
 * cannot succeed, the record goes to issues-dlt, same partition, with spring-kafka's exception headers and
 * {@value #ATTEMPTS_HEADER}, in a transaction that also commits its offset. Boot wires this processor into the
 * listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class IssueErrorHandling {

    /** How many times the record was tried before it was dead-lettered (decimal text). */
    public static final String ATTEMPTS_HEADER = "breakdown_dlt-attempts";
    private static final Logger log = LoggerFactory.getLogger(IssueErrorHandling.class);

    @Bean
    DefaultAfterRollbackProcessor<Object, Object> issueAfterRollbackProcessor(KafkaTemplate<String, byte[]> template,
            GatewayProperties properties) {
        IssueRetryLog retryLog = new IssueRetryLog();
        // Values are consumed as raw bytes, so the dead letter is the original record byte for byte.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.ISSUES_DLT, record.partition()));
        recoverer.addHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[] {new RecordHeader(
                ATTEMPTS_HEADER, Integer.toString(retryLog.attempts(record)).getBytes(StandardCharsets.UTF_8))}));
        GatewayProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultAfterRollbackProcessor<Object, Object> processor =
                new DefaultAfterRollbackProcessor<>(recoverer, backOff, template, true);
        processor.addNotRetryableExceptions(UnreadableIssueException.class, AgentRejectedIssueException.class);
        processor.setRetryListeners(retryLog);
        return processor;
    }

    /** Says which record failed and why, once per attempt and once when it is dead-lettered; counts the attempts. */
    static final class IssueRetryLog implements RetryListener {

        // Records that fail and then succeed are never "recovered"; the bound keeps their entries from piling up.
        private final Map<String, Integer> attempts = Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > 10_000;
            }
        });

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            attempts.put(where(record), deliveryAttempt);
            log.warn("issue record {} (key {}) failed, attempt {}, transaction rolled back: {}", where(record),
                    record.key(), deliveryAttempt, reason(ex));
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
            attempts.remove(where(record));
            log.error("issue record {} (key {}) sent to {}: {}", where(record), record.key(), Topics.ISSUES_DLT, reason(ex));
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            log.error("issue record {} (key {}) could not be sent to {}: {}", where(record), record.key(),
                    Topics.ISSUES_DLT, failure.toString());
        }

        int attempts(ConsumerRecord<?, ?> record) {
            return attempts.getOrDefault(where(record), 1);
        }

        private static String where(ConsumerRecord<?, ?> record) {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }

        // The container wraps what the listener threw; the wrapped exception is the one that explains it.
        private static String reason(Exception ex) {
            Throwable cause = ex instanceof ListenerExecutionFailedException && ex.getCause() != null ? ex.getCause() : ex;
            return cause.toString();
        }
    }
}
