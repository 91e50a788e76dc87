package dev.breakdown.chatweb.telemetry;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** At most {@code perUserPerMinute} telemetry events per user in each minute-long window. */
@Component
class TelemetryRateLimiter {
    private static final long WINDOW_MILLIS = 60_000;
    private static final int PRUNE_ABOVE = 10_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    TelemetryRateLimiter(TelemetryProperties properties, Clock clock) {
        this.limit = properties.perUserPerMinute();
        this.clock = clock;
    }

    /** Empty when the event may pass, else the seconds until the user's window ends (for Retry-After). */
    OptionalLong admit(String user) {
        long now = clock.millis();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(window -> window.start + WINDOW_MILLIS <= now);
        }
        Window window = windows.compute(user, (key, current) ->
                current == null || current.start + WINDOW_MILLIS <= now ? new Window(now, 1) : current.next());
        if (window.count <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (window.start + WINDOW_MILLIS - now + 999) / 1000));
    }

    private record Window(long start, int count) {
        Window next() {
            return new Window(start, count + 1);
        }
    }
}
