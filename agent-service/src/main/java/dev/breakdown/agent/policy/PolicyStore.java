package dev.breakdown.agent.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.agent.AgentProperties;
import dev.breakdown.agent.policy.yaml.PolicyFileException;
import dev.breakdown.agent.policy.yaml.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The policies in force. Loaded at start (a broken file stops the service with its problems); a file on
 * disk is then checked every {@code policy-reload-interval} and a changed, valid file replaces the policies
 * without a restart. A broken edit is logged, counted and ignored: the last good policies stay.
 */
@Component
public class PolicyStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);

    private final AgentProperties properties;
    private final PolicyReader reader;
    private final Clock clock;
    private final Counter reloaded;
    private final Counter rejected;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final ScheduledExecutorService poller;
    private volatile Rejection lastRejection;
    private String lastSeenHash;
    private long lastSeenModified;

    public PolicyStore(AgentProperties properties, PolicyReader reader, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.reader = reader;
        this.clock = clock;
        this.reloaded = Counter.builder("breakdown.agent.policy.reload").tag("result", "ok")
                .description("Policy file reloads").register(meters);
        this.rejected = Counter.builder("breakdown.agent.policy.reload").tag("result", "rejected")
                .description("Policy file reloads").register(meters);
        String content = PolicyFiles.read(properties.policyFile());
        PolicySet first = reader.read(properties.policyFile(), content, properties.zone());
        current.set(new Loaded(first, clock.instant()));
        lastSeenHash = first.sha256();
        lastSeenModified = modified().orElse(0L);
        log.info("Policies loaded from {}: {}", properties.policyFile(), first.ruleNames());
        Optional<Path> path = PolicyFiles.path(properties.policyFile());
        long every = properties.policyReloadInterval().toMillis();
        if (path.isPresent() && every > 0) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "policy-file-watch");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
        } else {
            poller = null;
        }
    }

    public PolicySet current() {
        return current.get().policies();
    }

    public Status status() {
        Loaded loaded = current.get();
        return new Status(properties.policyFile(), loaded.policies().sha256(), loaded.at(), loaded.policies().ruleNames(),
                List.copyOf(loaded.policies().teams().teams().keySet()), lastRejection);
    }

    /**
     * Reloads when the file's content changed since last seen (the modification time is only a cheap first
     * look; the content hash decides). Answers whether new policies are in force.
     */
    public synchronized boolean checkForChange() {
        Optional<Path> path = PolicyFiles.path(properties.policyFile());
        if (path.isEmpty()) {
            return false;
        }
        long modified = modified().orElse(-1L);
        String content;
        try {
            content = PolicyFiles.read(properties.policyFile());
        } catch (PolicyFileException unreadable) {
            reject(unreadable, "unreadable:" + modified);
            return false;
        }
        String hash = PolicySet.hashOf(content);
        if (hash.equals(lastSeenHash) && modified == lastSeenModified) {
            return false;
        }
        lastSeenModified = modified;
        if (hash.equals(lastSeenHash)) {
            return false;
        }
        lastSeenHash = hash;
        try {
            PolicySet next = reader.read(properties.policyFile(), content, properties.zone());
            current.set(new Loaded(next, clock.instant()));
            reloaded.increment();
            log.info("Policy file {} changed; now in force: {}", properties.policyFile(), next.ruleNames());
            return true;
        } catch (PolicyFileException broken) {
            reject(broken, hash);
            return false;
        }
    }

    private void reject(PolicyFileException broken, String seen) {
        lastSeenHash = seen;
        rejected.increment();
        lastRejection = new Rejection(clock.instant(), broken.problems());
        log.error("{}\nThe last good policies (loaded {}) stay in force.", broken.getMessage(), current.get().at());
    }

    private void checkQuietly() {
        try {
            checkForChange();
        } catch (RuntimeException e) {
            log.error("Checking the policy file {} failed", properties.policyFile(), e);
        }
    }

    private Optional<Long> modified() {
        return PolicyFiles.path(properties.policyFile()).flatMap(p -> {
            try {
                return Optional.of(Files.getLastModifiedTime(p).toMillis());
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private record Loaded(PolicySet policies, Instant at) {
    }

    /** What {@code GET /policies} shows. */
    public record Status(
            @JsonProperty("file") String file,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("loaded_at") Instant loadedAt,
            @JsonProperty("rules") List<String> rules,
            @JsonProperty("teams") List<String> teams,
            @JsonProperty("last_rejected") Rejection lastRejected) {
    }

    /** The last broken edit: when it was seen and what is wrong with it. */
    public record Rejection(
            @JsonProperty("at") Instant at,
            @JsonProperty("problems") List<Problem> problems) {
    }
}
