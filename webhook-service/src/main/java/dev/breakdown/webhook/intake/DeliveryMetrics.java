package dev.breakdown.webhook.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
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
        Counter.builder(NAME)
                .description("Webhook deliveries received, by outcome")
                .tag("source", tags.source())
                .tag("event", tags.event())
                .tag("action", tags.action())
                .tag("result", result)
                .register(registry)
                .increment();
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
}
