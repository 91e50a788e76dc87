package dev.breakdown.chatweb.assistant.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.chatweb.activity.ActivityEntry;
import dev.breakdown.chatweb.activity.ActivityStore;
import dev.breakdown.chatweb.assistant.AssistantTool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * Risk per project over a period: the sum of the outcomes' risk deltas (negative lowers risk), with the issues and
 * action kinds that moved it most. Read from the activity store.
 */
@Component
class ProjectRiskTool implements AssistantTool {
    private static final int TOP = 5;

    private final ActivityStore activity;
    private final Clock clock;

    ProjectRiskTool(ActivityStore activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public String progressText() {
        return "Adding up the risk per project";
    }

    @Override
    public String progressIcon() {
        return "chart";
    }

    @Tool(name = "project_risk", description = "Risk change per project over a period: the sum of outcome risk deltas "
            + "(negative = risk went down, positive = up, e.g. failed actions), the number of outcomes and failures, "
            + "and what moved it most (issues and action kinds).")
    Risk projectRisk(
            @ToolParam(required = false, description = "only this project id") String project,
            @ToolParam(required = false, description = "from when: ISO time, date, or span back such as 7d; default 7d") String since,
            @ToolParam(required = false, description = "until when, same forms; default now") String until) {
        TimeWindow window = TimeWindow.of(since, until, Duration.ofDays(7), clock);
        Map<String, List<ActivityEntry>> byProject = activity.entries().stream()
                .filter(e -> e.outcome() != null)
                .filter(e -> window.contains(e.outcome().createdAt() != null ? e.outcome().createdAt() : e.action().createdAt()))
                .filter(e -> project == null || project.isBlank() || project.strip().equalsIgnoreCase(e.action().projectId()))
                .collect(Collectors.groupingBy(e -> String.valueOf(e.action().projectId()), TreeMap::new, Collectors.toList()));
        List<ProjectRisk> projects = byProject.entrySet().stream()
                .map(e -> ProjectRisk.of(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(ProjectRisk::riskChange).reversed())
                .toList();
        return new Risk(window.from(), window.to(), projects);
    }

    record Risk(@JsonProperty("from") Instant from, @JsonProperty("to") Instant to,
                @JsonProperty("projects") List<ProjectRisk> projects) {
    }

    record ProjectRisk(@JsonProperty("project") String project, @JsonProperty("risk_change") double riskChange,
                       @JsonProperty("outcomes") int outcomes, @JsonProperty("failures") int failures,
                       @JsonProperty("top_issues") List<Mover> topIssues,
                       @JsonProperty("by_action") List<Mover> byAction) {

        static ProjectRisk of(String project, List<ActivityEntry> entries) {
            double sum = entries.stream().mapToDouble(e -> e.outcome().riskDelta()).sum();
            int failures = (int) entries.stream().filter(e -> !e.outcome().ack()).count();
            return new ProjectRisk(project, round(sum), entries.size(), failures,
                    movers(entries, e -> String.valueOf(e.issueKey())), movers(entries, e -> e.action().action()));
        }

        private static List<Mover> movers(List<ActivityEntry> entries, java.util.function.Function<ActivityEntry, String> by) {
            return entries.stream()
                    .collect(Collectors.groupingBy(by, Collectors.summingDouble(e -> e.outcome().riskDelta())))
                    .entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> Math.abs(e.getValue())).reversed())
                    .limit(TOP)
                    .map(e -> new Mover(e.getKey(), round(e.getValue())))
                    .toList();
        }
    }

    record Mover(@JsonProperty("name") String name, @JsonProperty("risk_change") double riskChange) {
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
