package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.WebhookProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The bytes of request bodies all requests together may hold in memory before their signature is checked
 * (WEBHOOK_BUFFER_BUDGET). A body is reserved before it is read and released when its request ends, whatever the
 * answer, so a flood of large unsigned deliveries is answered 503 instead of filling the heap.
 */
@Component
public class BodyBudget implements ServletRequestListener {
    public static final String RESERVED_METER = "breakdown.webhook.buffer.reserved";
    private static final String HELD = BodyBudget.class.getName() + ".held";

    private final long budget;
    private final AtomicLong reserved = new AtomicLong();

    public BodyBudget(WebhookProperties properties, MeterRegistry registry) {
        this.budget = properties.bufferBudgetBytes();
        Gauge.builder(RESERVED_METER, reserved, AtomicLong::get)
                .description("Bytes of request bodies reserved by requests in flight (limit WEBHOOK_BUFFER_BUDGET)")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Reserves {@code bytes} more for this request, or refuses it before any of them is read. */
    public void reserve(ServletRequest request, long bytes) {
        long before;
        do {
            before = reserved.get();
            if (before + bytes > budget) {
                throw new IntakeBusyException(bytes, budget);
            }
        } while (!reserved.compareAndSet(before, before + bytes));
        request.setAttribute(HELD, held(request) + bytes);
    }

    /** Fired by the servlet container once per request, after the answer and any error page: the only exit. */
    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        long held = held(event.getServletRequest());
        if (held > 0) {
            event.getServletRequest().removeAttribute(HELD);
            reserved.addAndGet(-held);
        }
    }

    /** Bytes reserved by requests in flight. */
    public long reserved() {
        return reserved.get();
    }

    private static long held(ServletRequest request) {
        return request.getAttribute(HELD) instanceof Long held ? held : 0;
    }
}
