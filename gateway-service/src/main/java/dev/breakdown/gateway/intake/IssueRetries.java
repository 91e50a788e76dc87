package dev.breakdown.gateway.intake;

import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.action.TransientActionException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Attempts of the issue records whose batch rolled back, by topic-partition@offset. A record that failed
 * {@code max-attempts} times is exhausted: the next delivery of its batch sends it to issues-dlt instead of
 * processing it. Entries go once the record's outcome or dead letter is committed.
 */
@Component
public class IssueRetries {

    private static final Logger log = LoggerFactory.getLogger(IssueRetries.class);

    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> exhausted = new ConcurrentHashMap<>();
    private final GatewayProperties.Retry retry;

    public IssueRetries(GatewayProperties properties) {
        this.retry = properties.retry();
    }

    /** Counts a failed attempt of the record; returns the back-off before the next one, empty when it is exhausted. */
    Optional<Duration> failed(ConsumerRecord<?, ?> record, RuntimeException cause) {
        int attempt = attempts.merge(where(record), 1, Integer::sum);
        log.warn("issue record {} (key {}) failed, attempt {}, transaction rolled back: {}", where(record), record.key(),
                attempt, cause.toString());
        if (attempt >= retry.maxAttempts()) {
            exhausted.put(where(record), cause);
            return Optional.empty();
        }
        double millis = retry.initialInterval().toMillis() * Math.pow(retry.multiplier(), attempt - 1);
        // A Retry-After (GitHub, Jira) lengthens the wait up to the longest back-off; within it nothing is sent anyway.
        if (cause instanceof TransientActionException transientFailure && transientFailure.retryAfter().isPresent()) {
            millis = Math.max(millis, transientFailure.retryAfter().get().toMillis());
        }
        return Optional.of(Duration.ofMillis((long) Math.min(millis, retry.maxInterval().toMillis())));
    }

    /** A record that cannot succeed (rejected, unreadable): its batch's next delivery dead-letters it without a new try. */
    void hopeless(ConsumerRecord<?, ?> record, RuntimeException cause) {
        exhausted.putIfAbsent(where(record), cause);
    }

    /** The last failure of a record that has no attempt left. */
    Optional<RuntimeException> exhausted(ConsumerRecord<?, ?> record) {
        return exhausted.isEmpty() ? Optional.empty() : Optional.ofNullable(exhausted.get(where(record)));
    }

    /** How many times the record was tried (1 for a record never retried). */
    int attempts(ConsumerRecord<?, ?> record) {
        return attempts.isEmpty() ? 1 : attempts.getOrDefault(where(record), 1);
    }

    /** The record's outcome or dead letter is committed: its count is no longer needed. */
    void done(ConsumerRecord<?, ?> record) {
        if (!attempts.isEmpty()) {
            attempts.remove(where(record));
            exhausted.remove(where(record));
        }
    }

    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
