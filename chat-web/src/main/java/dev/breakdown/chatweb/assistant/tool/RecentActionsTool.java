package dev.breakdown.chatweb.assistant.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.chatweb.activity.ActivityEntry;
import dev.breakdown.chatweb.activity.ActivityStore;
import dev.breakdown.chatweb.assistant.AssistantTool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/** Recent actions of the agent with their outcomes, from the activity store (the {@code actions} and {@code outcomes} topics). */
@Component
class RecentActionsTool implements AssistantTool {
    private static final int MAX = 50;

    private final ActivityStore activity;
    private final Clock clock;

    RecentActionsTool(ActivityStore activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public String progressText() {
        return "Reading the agent's recent actions and outcomes";
    }

    @Tool(name = "recent_actions", description = "Recent actions Breakdown's agent took, newest first, each with its "
            + "outcome (ack, risk delta, detail). All filters are optional and combine.")
    Actions recentActions(
            @ToolParam(required = false, description = "project id, e.g. alpha") String project,
            @ToolParam(required = false, description = "issue key or part of it, e.g. jira:PROJ-789, PROJ-789, checkout#123") String issue,
            @ToolParam(required = false, description = "action kind: assign_owner, post_nudge, schedule_unblocker, escalate_owner") String action,
            @ToolParam(required = false, description = "name of the policy rule that decided it") String policy,
            @ToolParam(required = false, description = "from when: ISO time, date, or span back from now such as 24h or 7d; default 24h") String since,
            @ToolParam(required = false, description = "until when, same forms; default now") String until,
            @ToolParam(required = false, description = "at most this many actions, default 20, at most 50") Integer limit) {
        TimeWindow window = TimeWindow.of(since, until, Duration.ofHours(24), clock);
        int max = limit == null || limit < 1 ? 20 : Math.min(limit, MAX);
        List<ActivityEntry> matching = activity.entries().stream()
                .filter(e -> window.contains(e.action().createdAt()))
                .filter(e -> Matches.issue(issue, e.issueKey(), e.action().sourceRef()))
                .filter(e -> blankOr(project, e.action().projectId()))
                .filter(e -> blankOr(action, e.action().action()))
                .filter(e -> blankOr(policy, e.action().policy()))
                .toList();
        return new Actions(matching.size(), window.from(), matching.stream().limit(max).map(Action::of).toList());
    }

    private static boolean blankOr(String wanted, String value) {
        return wanted == null || wanted.isBlank() || wanted.strip().equalsIgnoreCase(value);
    }

    record Actions(@JsonProperty("total_matching") int total, @JsonProperty("since") Instant since,
                   @JsonProperty("actions") List<Action> actions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Action(@JsonProperty("issue") String issue, @JsonProperty("project") String project,
                  @JsonProperty("action") String action, @JsonProperty("target") String target,
                  @JsonProperty("policy") String policy, @JsonProperty("rationale") String rationale,
                  @JsonProperty("source") String source, @JsonProperty("at") Instant at,
                  @JsonProperty("outcome") Outcome outcome) {

        static Action of(ActivityEntry entry) {
            var a = entry.action();
            var o = entry.outcome();
            return new Action(entry.issueKey(), a.projectId(), a.action(), a.target(), a.policy(), a.rationale(),
                    a.sourceRef(), a.createdAt(), o == null ? null : new Outcome(o.ack(), o.riskDelta(), o.detail()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Outcome(@JsonProperty("ack") boolean ack, @JsonProperty("risk_delta") double riskDelta,
                   @JsonProperty("detail") String detail) {
    }
}
