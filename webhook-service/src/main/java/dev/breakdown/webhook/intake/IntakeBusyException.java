package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.error.WebhookException;
import org.springframework.http.HttpStatus;

/** A body that does not fit in what is left of WEBHOOK_BUFFER_BUDGET: refused unread, the sender delivers again. */
public class IntakeBusyException extends WebhookException {

    public IntakeBusyException(long bytes, long budget) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "intake_busy",
                "too many large deliveries are being received at once: this body (" + bytes + " bytes) does not fit "
                        + "in what is left of the " + budget + " bytes all unverified bodies may take together "
                        + "(WEBHOOK_BUFFER_BUDGET); it was not read or stored: deliver it again in a few seconds (Retry-After). "
                        + "If this happens under normal load, raise WEBHOOK_BUFFER_BUDGET", "busy");
    }
}
