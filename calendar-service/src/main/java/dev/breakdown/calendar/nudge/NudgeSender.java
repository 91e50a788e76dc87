package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotentCreate;
import dev.breakdown.calendar.web.NotFoundException;
import dev.breakdown.contracts.calendar.NudgeRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records each nudge once per Idempotency-Key with its channel, then makes the first delivery attempt before
 * answering, so the answer (and the gateway's outcome) says whether it was sent; retries happen in the background.
 */
@Service
public class NudgeSender {

    static final String DEFAULT_PRIORITY = "normal";
    private static final Logger log = LoggerFactory.getLogger(NudgeSender.class);

    private final NudgeRepository nudges;
    private final NudgeChannels channels;
    private final NudgeDelivery delivery;
    private final Clock clock;

    public NudgeSender(NudgeRepository nudges, NudgeChannels channels, NudgeDelivery delivery, Clock clock) {
        this.nudges = nudges;
        this.channels = channels;
        this.delivery = delivery;
        this.clock = clock;
    }

    public Creation<StoredNudge> send(NudgeRequest request, Optional<String> idempotencyKey) {
        String to = request.to().strip();
        String message = request.message().strip();
        String priority = request.priority() == null ? DEFAULT_PRIORITY : request.priority();
        String link = request.link() == null || request.link().isBlank() ? null : request.link().strip();
        String fingerprint = IdempotentCreate.fingerprint(Arrays.asList(to, message, priority, link));
        Creation<StoredNudge> creation = IdempotentCreate.create("nudge", idempotencyKey, fingerprint,
                nudges::findByIdempotencyKey, StoredNudge::id, () -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    StoredNudge nudge = channels.of(to)
                            .map(channel -> new StoredNudge(UUID.randomUUID().toString(), to, message, priority, link,
                                    StoredNudge.PENDING, channel.name(), channel.webhook(), 0, now, null, now, null))
                            .orElseGet(() -> new StoredNudge(UUID.randomUUID().toString(), to, message, priority, link,
                                    StoredNudge.STORED, null, null, 0, null,
                                    "no channel for " + to + ": no Slack webhook in the team directory and no NUDGE_SLACK_WEBHOOK_URL",
                                    now, null));
                    nudges.insert(nudge, idempotencyKey.orElse(null), fingerprint);
                    log.info("Nudge {} to {} ({}) {}", nudge.id(), to, priority,
                            nudge.channel() == null ? "stored: no channel" : "for " + nudge.channel());
                    return nudge;
                });
        if (!creation.replayed() && StoredNudge.PENDING.equals(creation.entity().status())) {
            return new Creation<>(delivery.attempt(creation.entity()), false);
        }
        return creation;
    }

    public StoredNudge find(String id) {
        return nudges.findById(id).orElseThrow(() -> new NotFoundException("No nudge with id '" + id + "'"));
    }

    public List<StoredNudge> find(String to, String status, String link, int limit) {
        return nudges.find(to, status, link, limit);
    }
}
