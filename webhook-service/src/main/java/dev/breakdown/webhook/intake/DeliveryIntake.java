package dev.breakdown.webhook.intake;

import dev.breakdown.contracts.IssueEvent;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The part every source shares once a delivery is verified and normalized: store or ignore, answer, count. */
@Component
public class DeliveryIntake {
    private static final Logger log = LoggerFactory.getLogger(DeliveryIntake.class);

    private final IssuePublisher publisher;
    private final DeliveryMetrics metrics;

    public DeliveryIntake(IssuePublisher publisher, DeliveryMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public ResponseEntity<DeliveryResponse> take(HttpServletRequest request, String source, String event,
            String deliveryId, Normalized normalized) {
        metrics.describe(request, source, event, normalized.action());
        if (normalized instanceof Normalized.Ignored ignored) {
            log.info("ignored {} delivery {} ({} {}): {}", source, deliveryId, event, ignored.action(),
                    ignored.reason());
            metrics.count(request, ignored.result());
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryResponse.ignored(deliveryId,
                    ignored.reason()));
        }
        IssueEvent issue = ((Normalized.Issue) normalized).event().toBuilder()
                .receivedAt(DeliveryContext.receivedAt(request)).build();
        DeliveryContext.eventId(issue.eventId());
        RecordMetadata stored = publisher.publish(issue);
        // DEBUG: a formatted, synchronous console line per delivery costs CPU at load; the counters say how many.
        log.debug("accepted {} delivery {} as {} {} on {}-{}@{}", source, issue.eventId(), issue.type(),
                issue.topicKey(), stored.topic(), stored.partition(), stored.offset());
        metrics.count(request, "accepted");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryResponse.accepted(issue.eventId(),
                issue.topicKey()));
    }

    /** Answers GitHub's ping, which only checks that the hook reaches us. */
    public ResponseEntity<DeliveryResponse> pong(HttpServletRequest request, String source, String deliveryId) {
        metrics.describe(request, source, "ping", null);
        metrics.count(request, "ignored");
        log.info("answered {} ping {}", source, deliveryId);
        return ResponseEntity.ok(DeliveryResponse.pong(deliveryId));
    }
}
