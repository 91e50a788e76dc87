package dev.breakdown.gateway.sweep;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every interval, for each issues partition this instance tracks: each open issue whose due date is before today
 * (in the sweep's zone) and not yet swept gets an {@code issue_overdue} event on issues, same key and partition,
 * with the deterministic id {@code overdue:<issue key>:<due date>}. The tracker marks the due date swept when the
 * event comes back; a repeat before that (crash, second instance, rebalance) has the same id and is dropped by the
 * gateway's redelivery dedup.
 */
public class OverdueSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final DueIssues dueIssues;
    private final KafkaTemplate<String, byte[]> template;
    private final SweepProperties properties;
    private final Clock clock;
    // Published but not yet seen back by the tracker: not published again for two intervals.
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public OverdueSweep(DueIssues dueIssues, KafkaTemplate<String, byte[]> template, SweepProperties properties, Clock clock) {
        this.dueIssues = dueIssues;
        this.template = template;
        this.properties = properties;
        this.clock = clock;
    }

    /** One sweep over the held partitions; returns the ids of the overdue events it published. */
    public synchronized List<String> sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        pending.values().removeIf(at -> at.isBefore(now.minus(properties.interval().multipliedBy(2))));
        List<String> published = new ArrayList<>();
        for (int partition : dueIssues.partitions()) {
            List<IssueEvent> overdue = dueIssues.on(partition).stream()
                    .filter(issue -> issue.overdueOn(today))
                    .map(issue -> issue.overdueEvent(now))
                    .filter(event -> !pending.containsKey(event.eventId()))
                    .toList();
            if (overdue.isEmpty()) {
                continue;
            }
            template.executeInTransaction(t -> {
                overdue.forEach(event -> t.send(new ProducerRecord<>(Topics.ISSUES, partition, event.topicKey(),
                        Json.mapper().writeValueAsBytes(event))));
                return null;
            });
            overdue.forEach(event -> {
                pending.put(event.eventId(), now);
                log.info("{} is overdue (due {}, today {} in {}): published {}", event.topicKey(), event.dueAt(), today,
                        properties.zone(), event.eventId());
            });
            overdue.forEach(event -> published.add(event.eventId()));
        }
        return published;
    }

    @Override
    public void start() {
        long every = properties.interval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "overdue-sweep"));
        scheduler.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
    }

    // A failed sweep (broker away) is retried at the next interval; nothing was recorded as swept.
    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("overdue sweep failed, next try in {}: {}", properties.interval(), e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            awaitQuietly(scheduler, Duration.ofSeconds(5));
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private static void awaitQuietly(ScheduledExecutorService executor, Duration timeout) {
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
