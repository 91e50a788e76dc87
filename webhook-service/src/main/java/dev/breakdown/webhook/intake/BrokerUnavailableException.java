package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.error.WebhookException;
import org.springframework.http.HttpStatus;

/** The broker did not acknowledge the record in time: the sender must deliver again. */
public class BrokerUnavailableException extends WebhookException {

    public BrokerUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "broker_unavailable",
                "the event could not be stored (" + detail + "); it was not accepted, deliver it again later",
                "unavailable");
    }
}
