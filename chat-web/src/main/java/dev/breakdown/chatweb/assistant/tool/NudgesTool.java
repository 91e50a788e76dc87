package dev.breakdown.chatweb.assistant.tool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.chatweb.assistant.AssistantTool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * Nudges (notifications) from calendar-service's {@code GET /nudges}, by recipient, issue and time. Filters go as
 * query parameters and are applied here again.
 */
@Component
class NudgesTool implements AssistantTool {
    private static final int FETCH = 200;
    private static final int MAX = 30;

    private final BreakdownApis apis;
    private final Clock clock;

    NudgesTool(BreakdownApis apis, Clock clock) {
        this.apis = apis;
        this.clock = clock;
    }

    @Override
    public String progressText() {
        return "Looking up nudges";
    }

    @Override
    public String progressIcon() {
        return "notification";
    }

    @Tool(name = "nudges", description = "Nudges (notifications) Breakdown sent, with recipient, message, priority, "
            + "status and time (UTC), newest first. Filters are optional.")
    Nudges nudges(
            @ToolParam(required = false, description = "recipient, e.g. team:triage, owner:alice or alice") String recipient,
            @ToolParam(required = false, description = "issue mentioned in the nudge, e.g. checkout#123 or PROJ-789") String issue,
            @ToolParam(required = false, description = "sent since: ISO time, date, or span back such as 24h or 7d; default 7d") String since) {
        TimeWindow window = TimeWindow.of(since, null, Duration.ofDays(7), clock);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("limit", FETCH);
        filters.put("from", window.from());
        filters.put("to", recipient);
        filters.put("issue", issue);
        List<Summary> matching = apis.calendarList("/nudges", filters, new ParameterizedTypeReference<List<Summary>>() { })
                .stream()
                .filter(n -> window.contains(n.createdAt()))
                .filter(n -> Matches.person(recipient, n.to()))
                .filter(n -> Matches.mentioned(issue, n.message()))
                .toList();
        return new Nudges(matching.size(), matching.stream().limit(MAX).toList());
    }

    record Nudges(@JsonProperty("total_matching") int total, @JsonProperty("nudges") List<Summary> nudges) {
    }

    /** The fields of calendar-service's answer that the model needs (not the iCalendar text). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(@JsonProperty("id") String id, @JsonProperty("to") String to, @JsonProperty("message") String message,
                   @JsonProperty("priority") String priority, @JsonProperty("status") String status,
                   @JsonProperty("created_at") Instant createdAt) {
    }
}
