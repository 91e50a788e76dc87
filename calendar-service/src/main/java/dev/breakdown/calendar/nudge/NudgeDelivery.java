package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.nudge.SlackWebhook.Delivered;
import dev.breakdown.calendar.nudge.SlackWebhook.Refused;
import dev.breakdown.calendar.nudge.SlackWebhook.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Delivers pending nudges: once right after a nudge is created, then in the background every poll interval for those
 * whose next attempt is due, with exponential back-off (or the server's Retry-After) until sent or out of attempts.
 * The state lives in the database, so deliveries pending at a restart go out after it.
 */
@Component
@EnableScheduling
public class NudgeDelivery implements SchedulingConfigurer {

    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(NudgeDelivery.class);

    private final NudgeRepository nudges;
    private final SlackWebhook slack;
    private final CalendarProperties.Nudges settings;
    private final MeterRegistry meters;
    private final Clock clock;

    public NudgeDelivery(NudgeRepository nudges, SlackWebhook slack, CalendarProperties properties, MeterRegistry meters,
                         Clock clock) {
        this.nudges = nudges;
        this.slack = slack;
        this.settings = properties.nudges();
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::deliverDue, settings.pollInterval());
    }

    /** One pass over the deliveries that are due. */
    void deliverDue() {
        try {
            for (StoredNudge nudge : nudges.due(clock.instant(), BATCH)) {
                attempt(nudge);
            }
        } catch (RuntimeException e) {
            // the next pass tries again; a database outage must not stop the background sender for good
            log.warn("Nudge delivery pass failed: {}", e.getMessage());
        }
    }

    /** Tries one delivery if no one else is; returns the nudge as it stands afterwards. */
    public StoredNudge attempt(StoredNudge nudge) {
        Instant now = clock.instant();
        if (!nudges.claim(nudge, now, now.plus(settings.timeout().multipliedBy(3)))) {
            return nudges.findById(nudge.id()).orElse(nudge);
        }
        int attempts = nudge.attempts() + 1;
        SlackWebhook.Result result = slack.post(nudge.webhook(), nudge.text());
        Instant after = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (result instanceof Delivered) {
            nudges.recordAttempt(nudge.id(), attempts, StoredNudge.SENT, null, null, after);
            log.info("Nudge {} to {} sent to {} (attempt {})", nudge.id(), nudge.to(), nudge.channel(), attempts);
        } else if (result instanceof Retry retry && attempts < settings.maxAttempts()) {
            Duration wait = retry.retryAfter().map(this::capped).orElseGet(() -> backoff(attempts));
            nudges.recordAttempt(nudge.id(), attempts, StoredNudge.PENDING, after.plus(wait),
                    retry.reason() + "; attempt " + attempts + " of " + settings.maxAttempts() + ", next in "
                            + wait.toMillis() + " ms", null);
            log.info("Nudge {} to {}: {}; retrying in {} ms", nudge.id(), nudge.channel(), retry.reason(), wait.toMillis());
        } else if (result instanceof Retry retry) {
            fail(nudge, attempts, "gave up after " + attempts + " attempts: " + retry.reason());
        } else if (result instanceof Refused refused) {
            fail(nudge, attempts, refused.reason());
        }
        meters.counter("breakdown.nudges.attempts", "result", result.getClass().getSimpleName().toLowerCase()).increment();
        return nudges.findById(nudge.id()).orElse(nudge);
    }

    private void fail(StoredNudge nudge, int attempts, String reason) {
        nudges.recordAttempt(nudge.id(), attempts, StoredNudge.FAILED, null, reason, null);
        log.warn("Nudge {} to {} failed: {}", nudge.id(), nudge.channel(), reason);
    }

    /** retry-base, doubled per attempt, at most retry-max. */
    Duration backoff(int attempts) {
        Duration wait = settings.retryBase();
        for (int i = 1; i < attempts && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return capped(wait);
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }
}
