package dev.breakdown.agent.nudge;

import dev.breakdown.agent.policy.PolicyStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import dev.breakdown.platform.servicetoken.ServiceToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends held nudges as one digest per target when their window has ended, through calendar-service's
 * {@code POST /nudges} (Idempotency-Key: the claim, so a retried digest is one nudge), instead of waiting for the
 * target's next nudge, which may never come.
 */
@Component
@EnableScheduling
public class DigestTimer implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DigestTimer.class);

    private final NudgeThrottle throttle;
    private final PolicyStore policies;
    private final DigestProperties settings;
    private final RestClient calendar;
    private final Clock clock;

    public DigestTimer(NudgeThrottle throttle, PolicyStore policies, DigestProperties settings, RestClient.Builder http,
                       ServiceToken serviceToken, Clock clock) {
        this.throttle = throttle;
        this.policies = policies;
        this.settings = settings;
        this.calendar = serviceToken.applyTo(http.clone()).baseUrl(settings.calendarApiBase().strip()).build();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.interval().isZero()) {
            registrar.addFixedDelayTask(this::sendDue, settings.interval());
        }
    }

    /** One pass: a digest for every target whose held nudges' window has ended; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        try {
            long now = clock.millis();
            // The current window's start under today's limit; without a limit every held nudge is due.
            long windowStart = policies.current().nudgeLimit().map(NudgeLimit::per).map(Duration::toMillis)
                    .map(per -> Math.floorDiv(now, per) * per).orElse(now + 1);
            for (String target : throttle.targetsWithHeldNudges(windowStart)) {
                String claim = "digest:" + UUID.nameUUIDFromBytes((target + "|" + windowStart).getBytes(StandardCharsets.UTF_8));
                var digest = throttle.claimDigest(target, windowStart, claim);
                if (digest.isPresent() && send(target, digest.get(), claim)) {
                    sent++;
                }
            }
        } catch (RuntimeException e) {
            // the next pass tries again; a database hiccup must not stop the timer for good
            log.warn("Digest pass failed: {}", e.getMessage());
        }
        return sent;
    }

    private boolean send(String target, String digest, String claim) {
        try {
            calendar.post().uri("/nudges")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", claim)
                    .body(Map.of("to", target, "message", digest, "priority", "normal"))
                    .retrieve()
                    .toBodilessEntity();
            log.info("Sent the held digest for {} ({})", target, claim);
            return true;
        } catch (RestClientException e) {
            throttle.release(claim);
            log.warn("Digest for {} not sent, retrying on the next pass: {}", target, e.getMessage());
            return false;
        }
    }
}
