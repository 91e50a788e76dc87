package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.error.WebhookException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/** Reads headers that identify a delivery; two of them would make the delivery ambiguous, so that is refused. */
public final class Headers {
    private Headers() {
    }

    /** The header's only value, or null when it is absent. */
    public static String single(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String value = values.nextElement();
        if (values.hasMoreElements()) {
            throw WebhookException.badRequest("duplicate_header",
                    "the " + name + " header is sent more than once; a delivery has exactly one");
        }
        return value;
    }
}
