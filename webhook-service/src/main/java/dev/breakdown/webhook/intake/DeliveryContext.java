package dev.breakdown.webhook.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs first on every request: notes when the delivery arrived (the IssueEvent's {@code received_at}, the start of
 * the end-to-end latency) and puts the sender's delivery id in the log context as {@value #DELIVERY_ID}, with
 * {@value #EVENT_ID} added once the event is normalized; both are cleared when the request ends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DeliveryContext extends OncePerRequestFilter {
    public static final String DELIVERY_ID = "delivery_id";
    public static final String EVENT_ID = "event_id";
    private static final String RECEIVED_AT = DeliveryContext.class.getName() + ".receivedAt";
    private static final String[] DELIVERY_HEADERS = {"X-GitHub-Delivery", "X-Atlassian-Webhook-Identifier"};
    // Not yet verified: a header longer than any real id is cut, so a sender cannot bloat every log line.
    private static final int MAX_ID = 100;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(RECEIVED_AT, Instant.now());
        String deliveryId = deliveryId(request);
        if (deliveryId != null) {
            MDC.put(DELIVERY_ID, deliveryId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(DELIVERY_ID);
            MDC.remove(EVENT_ID);
        }
    }

    /** When the request arrived; now for a request this filter did not see. */
    public static Instant receivedAt(HttpServletRequest request) {
        return request.getAttribute(RECEIVED_AT) instanceof Instant at ? at : Instant.now();
    }

    /** The normalized event's id joins the log context for the rest of the request. */
    static void eventId(String eventId) {
        if (eventId != null) {
            MDC.put(EVENT_ID, eventId);
        }
    }

    private static String deliveryId(HttpServletRequest request) {
        for (String header : DELIVERY_HEADERS) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                return value.length() <= MAX_ID ? value : value.substring(0, MAX_ID);
            }
        }
        return null;
    }
}
