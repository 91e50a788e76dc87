package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotentCreate;
import dev.breakdown.calendar.web.BadRequestException;
import dev.breakdown.calendar.web.NotFoundException;
import dev.breakdown.calendar.web.TextRules;
import dev.breakdown.contracts.calendar.Nudge;
import dev.breakdown.contracts.calendar.NudgeRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Validates nudge requests and records each nudge once per Idempotency-Key. Delivery is the record
 * itself (the log line and the feed); a chat or mail channel would plug in here.
 */
@Service
public class NudgeSender {

    static final String SENT = "sent";
    static final String DEFAULT_PRIORITY = "normal";
    private static final Logger log = LoggerFactory.getLogger(NudgeSender.class);

    private final NudgeRepository nudges;
    private final Clock clock;

    public NudgeSender(NudgeRepository nudges, Clock clock) {
        this.nudges = nudges;
        this.clock = clock;
    }

    public Creation<Nudge> send(NudgeRequest request, Optional<String> idempotencyKey) {
        String to = TextRules.requiredLine("to", request.to(), 320);
        String message = TextRules.requiredText("message", request.message(), 4000);
        String priority = request.priority() == null ? DEFAULT_PRIORITY : request.priority().strip();
        if (!priority.matches("[A-Za-z0-9_-]{1,32}")) {
            throw BadRequestException.invalid("priority",
                    "must be a word of letters, digits, '-' or '_' (at most 32), e.g. low, normal, high");
        }
        String fingerprint = IdempotentCreate.fingerprint(List.of(to, message, priority));
        return IdempotentCreate.create("nudge", idempotencyKey, fingerprint, nudges::findByIdempotencyKey, Nudge::id,
                () -> {
                    Nudge nudge = new Nudge(UUID.randomUUID().toString(), to, message, priority, SENT,
                            clock.instant().truncatedTo(ChronoUnit.MILLIS));
                    nudges.insert(nudge, idempotencyKey.orElse(null), fingerprint);
                    log.info("Nudge {} to {} ({}): {}", nudge.id(), to, priority, message);
                    return nudge;
                });
    }

    public Nudge find(String id) {
        return nudges.findById(id).orElseThrow(() -> new NotFoundException("No nudge with id '" + id + "'"));
    }

    public List<Nudge> latest(int limit) {
        return nudges.findLatest(limit);
    }
}
