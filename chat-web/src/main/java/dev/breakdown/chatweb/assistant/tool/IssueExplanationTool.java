package dev.breakdown.chatweb.assistant.tool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.chatweb.activity.ActivityStore;
import dev.breakdown.chatweb.assistant.AssistantTool;
import dev.breakdown.chatweb.assistant.IssueEventLog;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Why an issue got its actions: its latest {@code IssueEvent} (read from {@code issues}) sent to agent-service's
 * {@code POST /explain}, which says which policy rules matched and why, next to the actions recorded for it.
 */
@Component
class IssueExplanationTool implements AssistantTool {
    private final IssueEventLog issues;
    private final ActivityStore activity;
    private final BreakdownApis apis;

    IssueExplanationTool(IssueEventLog issues, ActivityStore activity, BreakdownApis apis) {
        this.issues = issues;
        this.activity = activity;
        this.apis = apis;
    }

    @Override
    public String progressText() {
        return "Asking the agent why the issue got its actions";
    }

    @Tool(name = "explain_issue", description = "Why Breakdown's agent took its actions on one issue: the policy rules "
            + "that matched its latest event and why, the decisions, and the actions recorded with their outcomes.")
    Explained explainIssue(@ToolParam(description = "issue key, e.g. jira:PROJ-789, PROJ-789, github:acme/checkout#123 or checkout#123")
                           String issue) {
        List<RecentActionsTool.Action> recorded = activity.entries().stream()
                .filter(e -> Matches.issue(issue, e.issueKey(), e.action().sourceRef()))
                .limit(10).map(RecentActionsTool.Action::of).toList();
        Map.Entry<String, IssueEvent> latest = issues.latest(key -> Matches.issue(issue, key, null)).orElse(null);
        if (latest == null) {
            return new Explained(issue, null, null, null, recorded, "No event of this issue was read from the issues "
                    + "topic in the look-back period, so the agent cannot be asked; the recorded actions are all there is.");
        }
        IssueEvent event = latest.getValue();
        AgentExplanation explanation = apis.agent().post().uri("/explain").contentType(MediaType.APPLICATION_JSON)
                .body(event).retrieve().body(AgentExplanation.class);
        List<Rule> matched = explanation == null || explanation.rules() == null ? List.of()
                : explanation.rules().stream().filter(Rule::matched).toList();
        List<String> others = explanation == null || explanation.rules() == null ? List.of()
                : explanation.rules().stream().filter(r -> !r.matched()).map(Rule::rule).toList();
        return new Explained(latest.getKey(), new EventSeen(event.type(), event.title(), event.labels(), event.priority(),
                event.assignee(), event.dueAt(), event.updatedAt()), matched,
                new Decisions(explanation == null ? List.of() : explanation.decisions(), others), recorded, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Explained(@JsonProperty("issue") String issue, @JsonProperty("latest_event") EventSeen latestEvent,
                     @JsonProperty("matched_rules") List<Rule> matchedRules,
                     @JsonProperty("agent") Decisions agent,
                     @JsonProperty("recorded_actions") List<RecentActionsTool.Action> recordedActions,
                     @JsonProperty("note") String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventSeen(@JsonProperty("type") String type, @JsonProperty("title") String title,
                     @JsonProperty("labels") List<String> labels, @JsonProperty("priority") String priority,
                     @JsonProperty("assignee") String assignee, @JsonProperty("due_at") String dueAt,
                     @JsonProperty("updated_at") Instant updatedAt) {
    }

    record Decisions(@JsonProperty("decisions") List<Decision> decisions,
                     @JsonProperty("rules_not_matched") List<String> rulesNotMatched) {
    }

    /** agent-service's {@code Explanation}, the parts the assistant needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentExplanation(@JsonProperty("rules") List<Rule> rules, @JsonProperty("decisions") List<Decision> decisions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Rule(@JsonProperty("rule") String rule, @JsonProperty("matched") boolean matched,
                @JsonProperty("applied") boolean applied, @JsonProperty("why") String why,
                @JsonProperty("conditions") List<Condition> conditions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Condition(@JsonProperty("condition") String condition, @JsonProperty("matched") boolean matched,
                     @JsonProperty("reason") String reason) {
    }
}
