package dev.breakdown.agent.policy.action;

import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.contracts.IssueEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {field}} placeholders filled from the issue. An unknown placeholder is a problem in
 * the file; a field the event lacks renders empty and the spaces around it collapse.
 */
public final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    static final Map<String, Function<IssueEvent, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", e -> e.title() == null || e.title().isBlank() ? "(untitled)" : e.title().trim());
        FIELDS.put("url", IssueEvent::url);
        FIELDS.put("assignee", IssueEvent::assignee);
        FIELDS.put("priority", IssueEvent::priority);
        FIELDS.put("due_at", IssueEvent::dueAt);
        FIELDS.put("status", IssueEvent::status);
        FIELDS.put("state", IssueEvent::state);
        FIELDS.put("repo", IssueEvent::repo);
        FIELDS.put("number", IssueEvent::issueNumber);
        FIELDS.put("issue_key", IssueEvent::issueKey);
        FIELDS.put("project", IssueEvent::projectId);
        FIELDS.put("source", IssueEvent::source);
        FIELDS.put("type", IssueEvent::type);
        FIELDS.put("labels", e -> String.join(", ", e.labels()));
        FIELDS.put("author", IssueEvent::author);
        FIELDS.put("event_id", IssueEvent::eventId);
        FIELDS.put("body", IssueEvent::bodyPreview);
    }

    private final String text;

    private MessageTemplate(String text) {
        this.text = text;
    }

    /** Reads the template, reporting placeholders that name no field. */
    public static Optional<MessageTemplate> read(YamlValue value) {
        return value.text().flatMap(text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            boolean ok = true;
            while (m.find()) {
                if (!FIELDS.containsKey(m.group(1))) {
                    value.problem(value.path() + ": unknown placeholder {" + m.group(1) + "}; known: "
                            + String.join(", ", FIELDS.keySet().stream().map(f -> "{" + f + "}").toList()));
                    ok = false;
                }
            }
            return ok ? Optional.of(new MessageTemplate(text)) : Optional.empty();
        });
    }

    public static MessageTemplate of(String text) {
        return new MessageTemplate(text);
    }

    public String render(IssueEvent event) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = FIELDS.get(m.group(1)).apply(event);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString().trim()));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[ \\t]{2,}", " ").strip();
    }
}
