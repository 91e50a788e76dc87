package dev.breakdown.gateway.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ContainerProperties.EOSMode;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * After an issue batch's transaction rolled back: counts an attempt for each record that failed, seeks every
 * partition of the batch back to its first record (nothing of the batch was committed) and waits the back-off of
 * the records that have attempts left. The next delivery processes the batch again; exhausted records then go to
 * issues-dlt inside that batch's transaction (see {@link IssueListener}). A rollback no record is blamed for (the
 * commit failed: broker unreachable) is retried with the back-off of a first attempt, without end.
 */
class IssueBatchRollback implements AfterRollbackProcessor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(IssueBatchRollback.class);
    private static final long SLICE_MILLIS = 100;

    private final IssueRetries retries;
    private final Duration firstBackOff;

    IssueBatchRollback(IssueRetries retries, Duration firstBackOff) {
        this.retries = retries;
        this.firstBackOff = firstBackOff;
    }

    @Override
    public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
            MessageListenerContainer container, Exception exception, boolean recoverable, EOSMode eosMode) {
        processBatch(null, records, consumer, container, exception, recoverable, eosMode);
    }

    @Override
    public void processBatch(ConsumerRecords<Object, Object> records, List<ConsumerRecord<Object, Object>> recordList,
            Consumer<Object, Object> consumer, MessageListenerContainer container, Exception exception,
            boolean recoverable, EOSMode eosMode) {
        Duration backOff = Duration.ZERO;
        IssueBatchFailedException failed = find(exception);
        if (failed == null) {
            log.warn("issue batch of {} record(s) rolled back, retrying it: {}", recordList.size(), exception.toString());
            backOff = firstBackOff;
        } else {
            for (Map.Entry<ConsumerRecord<?, ?>, RuntimeException> failure : failed.failures().entrySet()) {
                Optional<Duration> next = retries.failed(failure.getKey(), failure.getValue());
                if (next.isPresent() && next.get().compareTo(backOff) > 0) {
                    backOff = next.get();
                }
            }
            failed.deadLetters().forEach(retries::hopeless);
        }
        seekToFirst(recordList, consumer);
        sleep(backOff, container);
    }

    private static void seekToFirst(List<ConsumerRecord<Object, Object>> recordList, Consumer<Object, Object> consumer) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<Object, Object> record : recordList) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    // In slices, so a stopping container is not held up by a long back-off.
    private static void sleep(Duration backOff, MessageListenerContainer container) {
        long until = System.nanoTime() + backOff.toNanos();
        try {
            while (container.isRunning() && System.nanoTime() < until) {
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IssueBatchFailedException find(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof IssueBatchFailedException failed) {
                return failed;
            }
        }
        return null;
    }
}
