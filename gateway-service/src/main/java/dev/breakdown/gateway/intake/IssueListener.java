package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Topics;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.action.EventPublisher;
import dev.breakdown.gateway.action.IssueCoordinator;
import dev.breakdown.gateway.action.Publication;
import dev.breakdown.gateway.agent.AgentRejectedIssueException;
import dev.breakdown.gateway.dedup.ProcessedEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads issues as consumer group agent-gw, a poll batch at a time. The container runs each batch in one Kafka
 * transaction: the actions, outcomes, processed markers and dead letters of all its records and the batch's offsets
 * commit together or not at all (exactly once). Within a batch the agent and calendar calls of different issues
 * run in parallel; one issue's events run in order. A record that cannot succeed (not an IssueEvent, rejected by
 * the agent, out of attempts) goes to issues-dlt inside the batch's transaction; one that may succeed later fails
 * the batch, which is rolled back and retried ({@link IssueBatchRollback}). An event id already processed is skipped.
 */
@Component
public class IssueListener implements DisposableBean {

    public static final String GROUP_ID = "agent-gw";
    public static final String LISTENER_ID = "issue-listener";
    /** The log context key naming the event being processed (LOG_FORMAT=json shows it on every line). */
    public static final String EVENT_ID = "event_id";
    private static final Logger log = LoggerFactory.getLogger(IssueListener.class);

    private final IssueEventReader reader;
    private final IssueCoordinator coordinator;
    private final EventPublisher publisher;
    private final ProcessedEvents processed;
    private final IssueRetries retries;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final PipelineMeters meters;
    private final ExecutorService workers;

    public IssueListener(IssueEventReader reader, IssueCoordinator coordinator, EventPublisher publisher,
            ProcessedEvents processed, IssueRetries retries, DeadLetterPublishingRecoverer deadLetters,
            PipelineMeters meters, GatewayProperties properties) {
        this.reader = reader;
        this.coordinator = coordinator;
        this.publisher = publisher;
        this.processed = processed;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.batch().parallelism(), task -> {
            Thread thread = new Thread(task, "issue-worker-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @KafkaListener(id = LISTENER_ID, groupId = GROUP_ID, topics = Topics.ISSUES, batch = "true",
            concurrency = "${breakdown.gateway.concurrency:1}",
            containerPostProcessor = IssueBatchConfig.CONTAINER_POST_PROCESSOR,
            properties = "max.poll.records=${breakdown.gateway.batch.max-records:200}")
    public void onIssues(List<ConsumerRecord<String, byte[]>> records) {
        List<Item> items = new ArrayList<>(records.size());
        Map<String, List<Item>> byIssue = new LinkedHashMap<>();
        Set<String> inBatch = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Item item = new Item(record);
            items.add(item);
            Optional<RuntimeException> exhausted = retries.exhausted(record);
            if (exhausted.isPresent()) {
                item.deadLetter = exhausted.get();
                continue;
            }
            try {
                item.event = reader.read(record.value());
            } catch (UnreadableIssueException e) {
                item.deadLetter = e;
                continue;
            }
            Optional<Instant> first = processed.processedAt(record.partition(), item.event.eventId());
            // A redelivery in the same batch has no marker yet: the batch's own ids count too.
            if (first.isPresent() || !inBatch.add(record.partition() + "|" + item.event.eventId())) {
                log.info("event {} ({}-{}@{}, key {}) was already processed at {}: redelivery ignored",
                        item.event.eventId(), record.topic(), record.partition(), record.offset(), record.key(),
                        first.map(Object::toString).orElse("an earlier offset of this batch"));
                item.event = null;
                continue;
            }
            byIssue.computeIfAbsent(item.event.topicKey(), k -> new ArrayList<>()).add(item);
        }
        carryOut(byIssue.values());

        Map<ConsumerRecord<?, ?>, RuntimeException> failures = new LinkedHashMap<>();
        items.stream().filter(item -> item.failure != null).forEach(item -> failures.put(item.record, item.failure));
        if (!failures.isEmpty()) {
            Map<ConsumerRecord<?, ?>, RuntimeException> deadLetters = new LinkedHashMap<>();
            items.stream().filter(item -> item.deadLetter != null)
                    .forEach(item -> deadLetters.put(item.record, item.deadLetter));
            throw new IssueBatchFailedException(failures, deadLetters);
        }
        for (Item item : items) {
            if (item.deadLetter != null) {
                deadLetter(item.record, item.deadLetter);
            } else if (item.publications != null) {
                item.publications.forEach(publisher::publish);
                processed.markProcessed(item.record, item.event);
            }
        }
        afterCommit(items);
    }

    // One task per issue; a single issue runs on the listener's thread, saving the hand-over.
    private void carryOut(Collection<List<Item>> issues) {
        if (issues.size() == 1) {
            carryOutInOrder(issues.iterator().next());
            return;
        }
        CompletableFuture.allOf(issues.stream()
                .map(issue -> CompletableFuture.runAsync(() -> carryOutInOrder(issue), workers))
                .toArray(CompletableFuture[]::new)).join();
    }

    // The issue's later events wait for a failed one: they are retried with it, in order.
    private void carryOutInOrder(List<Item> issue) {
        for (Item item : issue) {
            try (MDC.MDCCloseable context = MDC.putCloseable(EVENT_ID, item.event.eventId())) {
                item.publications = coordinator.carryOut(item.event);
            } catch (AgentRejectedIssueException e) {
                item.deadLetter = e;
            } catch (RuntimeException e) {
                item.failure = e;
                return;
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
        log.error("issue record {} (key {}) sent to {} after {} attempt(s): {}", IssueRetries.where(record), record.key(),
                Topics.ISSUES_DLT, retries.attempts(record), cause.toString());
        // Wrapped like a listener failure, so the headers name the cause as they did with per-record processing.
        deadLetters.accept(record, new ListenerExecutionFailedException(
                "issue record " + IssueRetries.where(record) + " failed: " + cause.getMessage(), cause));
    }

    // Attempt counts are kept until the records' results are committed: a rolled-back batch still needs them.
    // Meters too: only a committed outcome counts, and its latency ends here.
    private void afterCommit(List<Item> items) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Instant committed = Instant.now();
                for (Item item : items) {
                    retries.done(item.record);
                    if (item.deadLetter != null) {
                        meters.deadLettered(item.deadLetter);
                    } else if (item.publications != null) {
                        meters.committed(item.event, item.publications, committed);
                    }
                }
            }
        });
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** One record of the batch and what became of it. */
    private static final class Item {
        final ConsumerRecord<String, byte[]> record;
        IssueEvent event;
        List<Publication> publications;
        RuntimeException deadLetter;
        RuntimeException failure;

        Item(ConsumerRecord<String, byte[]> record) {
            this.record = record;
        }
    }
}
