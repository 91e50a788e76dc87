package dev.breakdown.webhook.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Counts deliveries as {@code breakdown.webhook.deliveries} tagged source, event, action and result
 * (accepted, ignored, rejected_&lt;reason&gt;, unavailable).
 */
@Component
public class DeliveryMetrics {
    public static final String NAME = "breakdown.webhook.deliveries";
    private static final String TAGS = DeliveryMetrics.class.getName() + ".tags";
    // Tag values come from senders; anything unusual collapses into "other" so nobody can mint new time series.
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_:.\\-]{1,64}");

    private final MeterRegistry registry;
    // The registry's own lookup builds an id and sorts its tags on every call; intake counts every delivery.
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Remembers what a verified delivery is, so a later refusal is counted under its event and action. */
    public void describe(HttpServletRequest request, String source, String event, String action) {
        request.setAttribute(TAGS, new Tags(source, tag(event), tag(action)));
    }

    public void count(HttpServletRequest request, String result) {
        Tags tags = request.getAttribute(TAGS) instanceof Tags known ? known
                : new Tags(sourceOf(request), "unverified", "none");
        counters.computeIfAbsent(new Key(tags, result), key -> Counter.builder(NAME)
                .description("Webhook deliveries received, by outcome")
                .tag("source", key.tags().source())
                .tag("event", key.tags().event())
                .tag("action", key.tags().action())
                .tag("result", key.result())
                .register(registry)).increment();
    }

    /** Alias of {@link #count} for refusals, which read better at the call site. */
    public void refused(HttpServletRequest request, String result) {
        count(request, result);
    }

    public static String sourceOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/github")) {
            return "github";
        }
        return path.startsWith("/jira") ? "jira" : "unknown";
    }

    private static String tag(String value) {
        if (value == null || value.isEmpty()) {
            return "none";
        }
        return TAG_VALUE.matcher(value).matches() ? value : "other";
    }

    private record Tags(String source, String event, String action) {
    }

    private record Key(Tags tags, String result) {
    }
}
