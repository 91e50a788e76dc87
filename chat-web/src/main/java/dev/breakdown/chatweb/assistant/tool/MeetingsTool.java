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
 * Meetings from calendar-service's {@code GET /meetings}, by participant, issue and time range. The filters go as
 * query parameters and are applied here again, so the answer is right whichever filters the service knows.
 */
@Component
class MeetingsTool implements AssistantTool {
    private static final int FETCH = 200;
    private static final int MAX = 30;

    private final BreakdownApis apis;
    private final Clock clock;

    MeetingsTool(BreakdownApis apis, Clock clock) {
        this.apis = apis;
        this.clock = clock;
    }

    @Override
    public String progressText() {
        return "Looking up meetings in the calendar";
    }

    @Override
    public String progressIcon() {
        return "calendar";
    }

    @Tool(name = "meetings", description = "Meetings Breakdown scheduled (unblockers), with participants, start time "
            + "(UTC), duration and status. Filters are optional.")
    Meetings meetings(
            @ToolParam(required = false, description = "participant, e.g. owner:alice, team:triage or alice") String participant,
            @ToolParam(required = false, description = "issue the meeting is about, e.g. checkout#123 or PROJ-789") String issue,
            @ToolParam(required = false, description = "meetings starting from: ISO time, date, or span back such as 7d; default 30d back") String from,
            @ToolParam(required = false, description = "meetings starting before: ISO time or date; default no end") String to) {
        TimeWindow window = TimeWindow.of(from, to, Duration.ofDays(30), clock);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("limit", FETCH);
        filters.put("from", window.from());
        filters.put("to", window.to());
        filters.put("participant", participant);
        filters.put("issue", issue);
        List<Summary> matching = apis.calendarList("/meetings", filters, new ParameterizedTypeReference<List<Summary>>() { })
                .stream()
                .filter(m -> window.contains(m.startAt()))
                .filter(m -> Matches.blank(participant) || m.participants() != null
                        && m.participants().stream().anyMatch(p -> Matches.person(participant, p)))
                .filter(m -> Matches.mentioned(issue, m.title() + " " + m.issue()))
                .toList();
        return new Meetings(matching.size(), matching.stream().limit(MAX).toList());
    }

    record Meetings(@JsonProperty("total_matching") int total, @JsonProperty("meetings") List<Summary> meetings) {
    }

    /** The fields of calendar-service's answer that the model needs (not the iCalendar text). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(@JsonProperty("id") String id, @JsonProperty("title") String title,
                   @JsonProperty("participants") List<String> participants, @JsonProperty("start_at") Instant startAt,
                   @JsonProperty("duration_min") Integer durationMin, @JsonProperty("status") String status,
                   @JsonProperty("issue") String issue) {
    }
}
