package dev.breakdown.webhook.github;

import static dev.breakdown.webhook.intake.Nodes.integer;
import static dev.breakdown.webhook.intake.Nodes.text;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.webhook.intake.BodyPreview;
import dev.breakdown.webhook.intake.Fields;
import dev.breakdown.webhook.intake.Nodes;
import dev.breakdown.webhook.intake.Normalized;
import dev.breakdown.webhook.intake.ProjectResolver;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns GitHub {@code issues} and {@code issue_comment} deliveries into IssueEvents. Every {@code issues} action,
 * including ones GitHub adds later, becomes {@code issue_<action>}; other events are ignored.
 */
@Component
public class GitHubNormalizer {
    /** Every property of the payload this class reads; a property not listed here is not parsed into the tree. */
    public static final Fields READS = Fields.of(Map.of(
            "action", Fields.ALL,
            // for loop prevention (loop/OwnChanges): who made the change, and a comment's marker
            "sender", Fields.of(Map.of("login", Fields.ALL, "type", Fields.ALL)),
            "comment", Fields.of(Map.of("body", Fields.ALL)),
            "repository", Fields.of(Map.of("full_name", Fields.ALL)),
            "issue", Fields.of(Map.ofEntries(
                    Map.entry("number", Fields.ALL), Map.entry("title", Fields.ALL),
                    Map.entry("html_url", Fields.ALL), Map.entry("labels", Fields.ALL),
                    Map.entry("assignee", Fields.of(Map.of("login", Fields.ALL))), Map.entry("state", Fields.ALL),
                    Map.entry("created_at", Fields.ALL), Map.entry("updated_at", Fields.ALL),
                    Map.entry("milestone", Fields.of(Map.of("due_on", Fields.ALL))),
                    Map.entry("user", Fields.of(Map.of("login", Fields.ALL))), Map.entry("body", Fields.ALL),
                    Map.entry("pull_request", Fields.ALL)))));

    /** One entry per GitHub event we understand; adding an event adds an entry here and nothing else. */
    private interface EventReader {
        Normalized read(String deliveryId, String action, JsonNode payload);
    }

    private final ProjectResolver projects;
    private final Map<String, EventReader> readers;

    public GitHubNormalizer(ProjectResolver projects) {
        this.projects = projects;
        this.readers = Map.of(
                "issues", (id, action, payload) -> issue(id, "issue_" + action, action, payload),
                "issue_comment", this::comment);
    }

    public Normalized normalize(String event, String deliveryId, JsonNode payload) {
        String action = payload.isObject() ? text(payload.get("action")) : null;
        EventReader reader = readers.get(event);
        if (reader == null) {
            return Normalized.ignored(action, "GitHub event '" + event + "' is not used by Breakdown");
        }
        if (!payload.isObject()) {
            return Normalized.ignored(null, "the payload is not a JSON object");
        }
        if (action == null || action.isBlank()) {
            return Normalized.ignored(null, "the payload has no 'action'");
        }
        return reader.read(deliveryId, action, payload);
    }

    private Normalized comment(String deliveryId, String action, JsonNode payload) {
        String commentAction = "comment_" + action;
        if (payload.path("issue").has("pull_request")) {
            return Normalized.ignored(commentAction, "the comment is on a pull request, not an issue");
        }
        return issue(deliveryId, "issue_updated", commentAction, payload);
    }

    private Normalized issue(String deliveryId, String type, String action, JsonNode payload) {
        JsonNode issue = payload.path("issue");
        String repo = text(payload.path("repository").get("full_name"));
        Integer number = integer(issue.get("number"));
        if (!issue.isObject() || number == null || repo == null || repo.isBlank()) {
            return Normalized.ignored(action, "the payload has no issue.number or repository.full_name");
        }
        List<String> labels = Nodes.strings(issue.get("labels"), label -> text(label.get("name")));
        String state = text(issue.get("state"));
        return new Normalized.Issue(IssueEvent.builder()
                .eventId(deliveryId)
                .projectId(projects.forGitHubRepo(repo))
                .source(IssueEvent.SOURCE_GITHUB)
                .type(type)
                .action(action)
                .repo(repo)
                .issueNumber(number)
                .title(text(issue.get("title")))
                .url(text(issue.get("html_url")))
                .labels(labels)
                .assignee(text(issue.path("assignee").get("login")))
                .priority(LabelPriority.of(labels))
                .status(status(state))
                .state(state)
                .createdAt(instant(issue.get("created_at")))
                .updatedAt(instant(issue.get("updated_at")))
                .dueAt(text(issue.path("milestone").get("due_on")))
                .author(text(issue.path("user").get("login")))
                .bodyPreview(BodyPreview.of(text(issue.get("body"))))
                .build());
    }

    private static String status(String state) {
        if (state == null) {
            return null;
        }
        return state.equalsIgnoreCase("closed") ? "Closed" : state.equalsIgnoreCase("open") ? "Open" : state;
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        Instant fast = GitHubTimes.parse(value);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
