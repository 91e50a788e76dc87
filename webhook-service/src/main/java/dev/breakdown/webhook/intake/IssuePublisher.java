package dev.breakdown.webhook.intake;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.webhook.WebhookProperties;
import dev.breakdown.webhook.error.WebhookException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Writes an IssueEvent to {@code issues}, keyed by issue, and returns only once the broker has it. */
@Component
public class IssuePublisher {
    private final KafkaTemplate<String, IssueEvent> template;
    private final Duration ackTimeout;

    public IssuePublisher(KafkaTemplate<String, IssueEvent> template, WebhookProperties properties) {
        this.template = template;
        this.ackTimeout = properties.ackTimeout();
    }

    /** @throws BrokerUnavailableException when the broker does not acknowledge within the ack timeout */
    public RecordMetadata publish(IssueEvent event) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        CompletableFuture<SendResult<String, IssueEvent>> sent;
        try {
            // May block up to the producer's max.block.ms while it looks for the broker.
            sent = template.send(Topics.ISSUES, event.topicKey(), event);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
        try {
            long remaining = Math.max(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(1));
            return sent.get(remaining, TimeUnit.NANOSECONDS).getRecordMetadata();
        } catch (TimeoutException e) {
            // The record may still arrive later; a redelivery is harmless because consumers dedupe on event_id.
            throw new BrokerUnavailableException("no acknowledgement from the broker within " + ackTimeout.toMillis()
                    + " ms");
        } catch (ExecutionException e) {
            throw refusal(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for the broker");
        }
    }

    // Only an outage is worth a retry: an event too large for the broker would fail on every redelivery.
    private static WebhookException refusal(Exception e) {
        if (rootCause(e) instanceof RecordTooLargeException tooLarge) {
            return WebhookException.rejected(HttpStatus.CONTENT_TOO_LARGE, "event_too_large",
                    "the normalized event is larger than the broker accepts (" + tooLarge.getMessage()
                            + "); the delivery was not stored and a redelivery would fail the same way");
        }
        return new BrokerUnavailableException("the broker did not take the record: " + rootMessage(e));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
