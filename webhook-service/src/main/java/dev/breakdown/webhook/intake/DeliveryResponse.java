package dev.breakdown.webhook.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a delivery we took: accepted (stored), ignored (nothing to store) or pong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryResponse(
        @JsonProperty("status") String status,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("key") String key,
        @JsonProperty("reason") String reason) {

    public static DeliveryResponse accepted(String eventId, String key) {
        return new DeliveryResponse("accepted", eventId, key, null);
    }

    public static DeliveryResponse ignored(String eventId, String reason) {
        return new DeliveryResponse("ignored", eventId, null, reason);
    }

    public static DeliveryResponse pong(String eventId) {
        return new DeliveryResponse("pong", eventId, null, null);
    }
}
