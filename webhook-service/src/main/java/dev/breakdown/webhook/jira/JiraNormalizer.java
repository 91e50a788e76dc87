package dev.breakdown.webhook.jira;

import static dev.breakdown.webhook.intake.Nodes.text;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.webhook.intake.BodyPreview;
import dev.breakdown.webhook.intake.Nodes;
import dev.breakdown.webhook.intake.Normalized;
import dev.breakdown.webhook.intake.ProjectResolver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns Jira Cloud webhook deliveries (issue created, updated, deleted; comment created) into IssueEvents. */
@Component
public class JiraNormalizer {
    /** Jira's webhookEvent to our event type; adding an event adds an entry here and nothing else. */
    private static final Map<String, String> TYPES = Map.of(
            "jira:issue_created", "issue_created",
            "jira:issue_updated", "issue_updated",
            "jira:issue_deleted", "issue_deleted",
            "comment_created", "issue_updated");

    private final ProjectResolver projects;

    public JiraNormalizer(ProjectResolver projects) {
        this.projects = projects;
    }

    /** @param webhookIdentifier X-Atlassian-Webhook-Identifier, stable across Jira's retries; may be null */
    public Normalized normalize(String webhookIdentifier, JsonNode payload) {
        if (!payload.isObject()) {
            return Normalized.ignored(null, "the payload is not a JSON object");
        }
        String webhookEvent = text(payload.get("webhookEvent"));
        String typeName = text(payload.get("issue_event_type_name"));
        String action = typeName != null && !typeName.isBlank() ? typeName : webhookEvent;
        String type = webhookEvent == null ? null : TYPES.get(webhookEvent);
        if (type == null) {
            return Normalized.ignored(action, "Jira event '" + webhookEvent + "' is not used by Breakdown");
        }
        JsonNode issue = payload.path("issue");
        JsonNode fields = issue.path("fields");
        String key = text(issue.get("key"));
        if (key == null || key.isBlank()) {
            return Normalized.ignored(action, "the payload has no issue.key");
        }
        JsonNode statusCategory = fields.path("status").path("statusCategory");
        return new Normalized.Issue(IssueEvent.builder()
                .eventId(eventId(webhookIdentifier, webhookEvent, key, payload.get("timestamp")))
                .projectId(projects.forJiraProject(projectKey(fields, key)))
                .source(IssueEvent.SOURCE_JIRA)
                .type(type)
                .action(action)
                .issueKey(key)
                .title(text(fields.get("summary")))
                .url(browseUrl(text(issue.get("self")), key))
                .labels(Nodes.strings(fields.get("labels"), Nodes::text))
                .assignee(text(fields.path("assignee").get("displayName")))
                .priority(text(fields.path("priority").get("name")))
                .status(text(fields.path("status").get("name")))
                .state("done".equalsIgnoreCase(text(statusCategory.get("key"))) ? "closed" : "open")
                .createdAt(JiraTimes.parse(text(fields.get("created"))))
                .updatedAt(JiraTimes.parse(text(fields.get("updated"))))
                .dueAt(text(fields.get("duedate")))
                .author(firstName(fields.path("reporter"), fields.path("creator"), payload.path("user")))
                // A string in Jira's wiki markup; Atlassian Document Format (an object) has no plain text to show.
                .bodyPreview(BodyPreview.of(text(fields.get("description"))))
                .build());
    }

    private static String eventId(String identifier, String webhookEvent, String key, JsonNode timestamp) {
        if (identifier != null && !identifier.isBlank()) {
            return identifier.strip();
        }
        // Same delivery, same id: Jira's retries and our redeliveries collapse downstream.
        String name = "jira|" + webhookEvent + "|" + key + "|" + (timestamp != null && timestamp.isValueNode() ? timestamp.asString() : "");
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String projectKey(JsonNode fields, String issueKey) {
        String key = text(fields.path("project").get("key"));
        if (key != null) {
            return key;
        }
        int dash = issueKey.lastIndexOf('-');
        return dash > 0 ? issueKey.substring(0, dash) : issueKey;
    }

    /** People want {@code https://<site>/browse/KEY}, not the REST URL Jira sends as {@code self}. */
    static String browseUrl(String self, String key) {
        if (self == null) {
            return null;
        }
        int rest = self.indexOf("/rest/");
        if (rest > 0) {
            return self.substring(0, rest) + "/browse/" + key;
        }
        try {
            URI uri = URI.create(self);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme() + "://" + uri.getRawAuthority() + "/browse/" + key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstName(JsonNode... people) {
        for (JsonNode person : people) {
            String name = text(person.get("displayName"));
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return null;
    }
}
