package dev.breakdown.chatweb.activity;

import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /activity/stream}: server-sent events for the live view. A {@code snapshot} first (the newest
 * entries and each project's cumulative risk), then {@code entries} batches every push interval, so hundreds of
 * events a second cost a few messages a second per browser.
 */
@RestController
class ActivityStream implements DisposableBean {
    static final int SNAPSHOT_ENTRIES = 1000;
    static final int RISK_POINTS_PER_PROJECT = 500;

    private final ActivityStore store;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<ActivityEntry> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "activity-push");
        thread.setDaemon(true);
        return thread;
    });

    ActivityStream(ActivityStore store, ActivityProperties properties) {
        this.store = store;
        store.onChange(entry -> {
            if (!emitters.isEmpty()) {
                pending.add(entry);
            }
        });
        long interval = properties.pushInterval().toMillis();
        pusher.scheduleWithFixedDelay(this::push, interval, interval, TimeUnit.MILLISECONDS);
    }

    @GetMapping(path = "/activity/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        emitters.add(emitter);
        List<ActivityEntry> entries = store.entries();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("entries", entries.subList(0, Math.min(SNAPSHOT_ENTRIES, entries.size())));
        snapshot.put("risk", cumulativeRisk(entries));
        emitter.send(SseEmitter.event().name("snapshot").data(Json.mapper().writeValueAsString(snapshot)));
        return emitter;
    }

    /** Per project, [epoch millis, cumulative risk] after each outcome, thinned to a bounded number of points. */
    static Map<String, List<double[]>> cumulativeRisk(List<ActivityEntry> entries) {
        List<OutcomeEvent> outcomes = new ArrayList<>();
        entries.stream().map(ActivityEntry::outcome).filter(o -> o != null && o.createdAt() != null).forEach(outcomes::add);
        outcomes.sort(Comparator.comparing(OutcomeEvent::createdAt));
        Map<String, List<double[]>> series = new TreeMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        for (OutcomeEvent outcome : outcomes) {
            String project = outcome.projectId() == null ? "unknown" : outcome.projectId();
            double total = totals.merge(project, outcome.riskDelta(), Double::sum);
            series.computeIfAbsent(project, p -> new ArrayList<>())
                    .add(new double[] {outcome.createdAt().toEpochMilli(), Math.round(total * 1000) / 1000.0});
        }
        series.replaceAll((project, points) -> thin(points));
        return series;
    }

    // Keeps the last point exact: the chart's end is the current total.
    private static List<double[]> thin(List<double[]> points) {
        if (points.size() <= RISK_POINTS_PER_PROJECT) {
            return points;
        }
        List<double[]> kept = new ArrayList<>(RISK_POINTS_PER_PROJECT);
        double step = (points.size() - 1) / (double) (RISK_POINTS_PER_PROJECT - 1);
        for (int i = 0; i < RISK_POINTS_PER_PROJECT; i++) {
            kept.add(points.get((int) Math.round(i * step)));
        }
        return kept;
    }

    private void push() {
        if (pending.isEmpty()) {
            return;
        }
        List<ActivityEntry> batch = new ArrayList<>();
        for (ActivityEntry entry; (entry = pending.poll()) != null; ) {
            batch.add(entry);
        }
        String data = Json.mapper().writeValueAsString(Map.of("entries", batch, "at", Instant.now().toString()));
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("entries").data(data));
            } catch (IOException | IllegalStateException e) {
                // The browser went away; its emitter is completed and dropped.
                emitters.remove(emitter);
                emitter.completeWithError(e);
            }
        }
    }

    // Before the web server's graceful shutdown starts waiting: an open stream would hold it for its whole timeout.
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public void destroy() {
        pusher.shutdownNow();
        closeStreams();
    }
}
