package dev.breakdown.gateway.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartitionMarkersTest {

    static final Instant NOW = Instant.parse("2025-10-20T12:00:00Z");

    @Test
    void eventProcessedWithinTheRetentionIsKnownWithItsFirstProcessingTime() {
        PartitionMarkers markers = new PartitionMarkers(Duration.ofDays(3), 10);
        markers.remember("a", NOW.minus(Duration.ofDays(2)), NOW);
        markers.remember("a", NOW, NOW);

        assertThat(markers.processedAt("a", NOW)).contains(NOW.minus(Duration.ofDays(2)));
        assertThat(markers.processedAt("b", NOW)).isEmpty();
    }

    @Test
    void eventProcessedBeforeTheRetentionIsForgotten() {
        PartitionMarkers markers = new PartitionMarkers(Duration.ofDays(3), 10);
        markers.remember("old", NOW.minus(Duration.ofDays(4)), NOW.minus(Duration.ofDays(4)));

        assertThat(markers.processedAt("old", NOW)).isEmpty();
        markers.remember("new", NOW, NOW);
        assertThat(markers.size()).isEqualTo(1);
    }

    @Test
    void beyondTheSizeLimitTheOldestEntriesGo() {
        PartitionMarkers markers = new PartitionMarkers(Duration.ofDays(3), 2);
        markers.remember("first", NOW.minusSeconds(3), NOW);
        markers.remember("second", NOW.minusSeconds(2), NOW);
        markers.remember("third", NOW.minusSeconds(1), NOW);

        assertThat(markers.size()).isEqualTo(2);
        assertThat(markers.processedAt("first", NOW)).isEmpty();
        assertThat(markers.processedAt("third", NOW)).isPresent();
    }
}
