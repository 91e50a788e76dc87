package dev.breakdown.gateway.calendar;

import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.MeetingRequest;
import dev.breakdown.contracts.calendar.Nudge;
import dev.breakdown.contracts.calendar.NudgeRequest;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.action.ActionFailedException;
import dev.breakdown.gateway.action.TransientActionException;
import dev.breakdown.platform.servicetoken.ServiceToken;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * calendar-service's REST API at CALENDAR_API_BASE. Every call carries the action's Idempotency-Key, so a
 * retried action yields the same meeting or nudge. Failures that may pass (unreachable, timeout, 5xx, 429) become
 * {@link TransientActionException} and are retried; the others (4xx, unreadable answer) become
 * {@link ActionFailedException} with a short message fit for an outcome's detail.
 */
@Component
public class CalendarClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient restClient;
    private final String base;

    public CalendarClient(RestClient.Builder builder, GatewayProperties properties, ServiceToken serviceToken) {
        this.base = properties.calendarApiBaseUri().toString();
        this.restClient = serviceToken.applyTo(builder).baseUrl(base).build();
    }

    public Meeting createMeeting(MeetingRequest request, String idempotencyKey) {
        return post("/meetings", request, idempotencyKey, Meeting.class);
    }

    public Nudge createNudge(NudgeRequest request, String idempotencyKey) {
        return post("/nudges", request, idempotencyKey, Nudge.class);
    }

    private <T> T post(String path, Object body, String idempotencyKey, Class<T> answerType) {
        T answer;
        try {
            answer = restClient.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, idempotencyKey)
                    .body(body)
                    .retrieve()
                    .body(answerType);
        } catch (RestClientResponseException e) {
            String message = "calendar answered " + e.getStatusCode().value() + " to POST " + path
                    + reason(e.getResponseBodyAsString());
            if (e.getStatusCode().is5xxServerError() || e.getStatusCode().value() == 429) {
                throw new TransientActionException(message, e);
            }
            throw new ActionFailedException(message, e);
        } catch (ResourceAccessException e) {
            throw new TransientActionException("calendar unreachable at " + base + path + ": "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage(), e);
        } catch (RestClientException e) {
            throw new ActionFailedException("calendar gave an unreadable answer to POST " + path + ": " + e.getMessage(), e);
        }
        if (answer == null) {
            throw new ActionFailedException("calendar answered POST " + path + " without a body", null);
        }
        return answer;
    }

    // calendar-service answers errors as RFC 9457 problems ({"detail": ...}); anything else is quoted as is.
    private static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = Json.mapper().readTree(body);
            for (String field : new String[] {"detail", "message"}) {
                if (json.hasNonNull(field)) {
                    return ": " + json.get(field).asString();
                }
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw body
        }
        return ": " + body;
    }
}
