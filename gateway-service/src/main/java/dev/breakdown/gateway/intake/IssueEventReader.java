package dev.breakdown.gateway.intake;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.Json;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/** Turns a record's raw value into an IssueEvent the gateway can act on, or says why it cannot. */
@Component
public class IssueEventReader {

    public IssueEvent read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new UnreadableIssueException("empty record value, expected an IssueEvent");
        }
        IssueEvent event;
        try {
            event = Json.mapper().readValue(value, IssueEvent.class);
        } catch (JacksonException e) {
            throw new UnreadableIssueException("not an IssueEvent JSON object: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new UnreadableIssueException("record value is JSON null, expected an IssueEvent");
        }
        if (event.eventId() == null || event.eventId().isBlank()) {
            throw new UnreadableIssueException("IssueEvent without event_id");
        }
        try {
            event.topicKey();
        } catch (IllegalArgumentException e) {
            throw new UnreadableIssueException("IssueEvent without an issue key: " + e.getMessage(), e);
        }
        return event;
    }
}
