package dev.breakdown.gateway.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The event ids processed on one partition, in the order they were processed, with when. Bounded: entries older
 * than the retention and, beyond the size limit, the oldest entries are dropped.
 */
final class PartitionMarkers {

    private final LinkedHashMap<String, Instant> processedAt = new LinkedHashMap<>();
    private final Duration retention;
    private final int maxEntries;

    PartitionMarkers(Duration retention, int maxEntries) {
        this.retention = retention;
        this.maxEntries = maxEntries;
    }

    synchronized void remember(String eventId, Instant at, Instant now) {
        processedAt.putIfAbsent(eventId, at);
        expire(now);
    }

    synchronized void forget(String eventId) {
        processedAt.remove(eventId);
    }

    synchronized Optional<Instant> processedAt(String eventId, Instant now) {
        Instant at = processedAt.get(eventId);
        return at == null || at.isBefore(now.minus(retention)) ? Optional.empty() : Optional.of(at);
    }

    synchronized int size() {
        return processedAt.size();
    }

    // Insertion order is processing order, so the oldest entries are at the head.
    private void expire(Instant now) {
        Instant horizon = now.minus(retention);
        Iterator<Map.Entry<String, Instant>> eldest = processedAt.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<String, Instant> entry = eldest.next();
            if (processedAt.size() > maxEntries || entry.getValue().isBefore(horizon)) {
                eldest.remove();
            } else {
                return;
            }
        }
    }
}
