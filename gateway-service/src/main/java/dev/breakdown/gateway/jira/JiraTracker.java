package dev.breakdown.gateway.jira;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionFailedException;
import dev.breakdown.gateway.writeback.Audience;
import dev.breakdown.gateway.writeback.Escalation;
import dev.breakdown.gateway.writeback.IssueTracker;
import dev.breakdown.gateway.writeback.Markers;
import dev.breakdown.gateway.writeback.TrackerHttp;
import dev.breakdown.gateway.writeback.TrackerRequest;
import dev.breakdown.platform.directory.Person;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Writes to Jira Cloud's REST API v3 (JIRA_BASE_URL, basic auth with JIRA_EMAIL and JIRA_API_TOKEN): the assignee
 * by account id ({@code PUT /rest/api/3/issue/{key}/assignee}), labels ({@code PUT /rest/api/3/issue/{key}} with
 * {@code update.labels}) and comments in Atlassian Document Format whose last line is the marker. Live, it reads
 * first and writes only what is missing.
 */
public final class JiraTracker implements IssueTracker {

    public static final String SOURCE = IssueEvent.SOURCE_JIRA;
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*-[0-9]+");
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 10;
    // Changelog fields after which an escalation may be written again: new assignee, resolved or reopened.
    private static final Set<String> RESETS_ESCALATION = Set.of("assignee", "resolution");
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final TrackerHttp http;
    private final JiraProperties properties;
    private final URI base;

    public JiraTracker(TrackerHttp http, JiraProperties properties) {
        this.http = http;
        this.properties = properties;
        this.base = properties.baseUri();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<String> missingConfiguration() {
        return properties.configured() ? Optional.empty() : Optional.of("set " + String.join(", ", properties.missing()));
    }

    @Override
    public boolean names(IssueEvent issue) {
        return issue.issueKey() != null && KEY.matcher(issue.issueKey()).matches();
    }

    @Override
    public String assign(ActionContext context, List<Person> people, boolean live) {
        IssueEvent issue = context.issue();
        Person person = people.stream().filter(p -> p.jiraAccountId().isPresent()).findFirst()
                .orElseThrow(() -> unmapped(context.action().target(), people));
        String accountId = person.jiraAccountId().orElseThrow();
        TrackerRequest assign = TrackerRequest.of(HttpMethod.PUT, issueUri(issue, "/assignee"), new Assignee(accountId));
        if (!live) {
            return http.wouldSend(List.of(assign));
        }
        String current = http.send(TrackerRequest.get(issueUri(issue, "?fields=assignee")), authorization()).body()
                .path("fields").path("assignee").path("accountId").asString("");
        if (current.equals(accountId)) {
            return "jira: " + person.id() + " already assigned to " + issue.issueKey();
        }
        http.send(assign, authorization());
        return "jira: assigned " + person.id() + " (" + accountId + ") to " + issue.issueKey();
    }

    @Override
    public String escalate(ActionContext context, Escalation escalation, boolean live) {
        IssueEvent issue = context.issue();
        List<Adf.Node> line = new ArrayList<>();
        line.add(Adf.text("Escalated to " + escalation.target() + " "));
        line.addAll(mentions(escalation.audience()));
        line.add(Adf.text("by Breakdown" + (escalation.reason().isBlank() ? "." : ": " + escalation.reason())));
        TrackerRequest label = TrackerRequest.of(HttpMethod.PUT, issueUri(issue, ""),
                new LabelUpdate(new LabelUpdate.Labels(List.of(new LabelUpdate.Add(escalation.label())))));
        TrackerRequest comment = commentRequest(issue, Adf.doc(Adf.paragraph(line.toArray(Adf.Node[]::new)),
                Adf.paragraph(Adf.code(Markers.action(context.action().eventId()) + " "
                        + Markers.escalation(escalation.target())))));
        if (!live) {
            return http.wouldSend(List.of(label, comment));
        }
        Optional<JsonNode> earlier = lastCommentWith(issue, Markers.escalation(escalation.target()));
        JsonNode current = http.send(TrackerRequest.get(issueUri(issue, "?fields=labels&expand=changelog")),
                authorization()).body();
        if (earlier.isPresent() && !changedHandsSince(current, time(earlier.get().path("created").asString("")))) {
            return "jira: already escalated to " + escalation.target() + " on " + issue.issueKey() + " (comment "
                    + earlier.get().path("id").asString("") + ")";
        }
        List<String> done = new ArrayList<>();
        boolean labelled = false;
        for (JsonNode existing : current.path("fields").path("labels")) {
            labelled |= escalation.label().equals(existing.asString(""));
        }
        if (!labelled) {
            http.send(label, authorization());
            done.add("labelled " + escalation.label());
        }
        JsonNode posted = http.send(comment, authorization()).body();
        done.add("commented (comment " + posted.path("id").asString("") + ")");
        return "jira: escalated " + issue.issueKey() + " to " + escalation.target() + ": " + String.join(", ", done);
    }

    @Override
    public String comment(ActionContext context, String markerId, String text, Audience audience, boolean live) {
        IssueEvent issue = context.issue();
        String marker = Markers.action(markerId);
        List<Adf.Node> paragraphs = new ArrayList<>();
        paragraphs.add(Adf.paragraph(Adf.text(text)));
        List<Adf.Node> mentions = mentions(audience);
        if (!mentions.isEmpty()) {
            mentions.add(0, Adf.text("cc "));
            paragraphs.add(Adf.paragraph(mentions.toArray(Adf.Node[]::new)));
        }
        paragraphs.add(Adf.paragraph(Adf.code(marker)));
        TrackerRequest comment = commentRequest(issue, Adf.doc(paragraphs.toArray(Adf.Node[]::new)));
        if (!live) {
            return http.wouldSend(List.of(comment));
        }
        Optional<JsonNode> earlier = lastCommentWith(issue, marker);
        if (earlier.isPresent()) {
            return "jira: already commented on " + issue.issueKey() + " (comment " + earlier.get().path("id").asString("") + ")";
        }
        JsonNode posted = http.send(comment, authorization()).body();
        return "jira: commented on " + issue.issueKey() + " (comment " + posted.path("id").asString("") + ")";
    }

    /** A mention (and a space) for each person of the audience with a Jira account id. */
    private static List<Adf.Node> mentions(Audience audience) {
        List<Adf.Node> nodes = new ArrayList<>();
        for (Person person : audience.people()) {
            person.jiraAccountId().ifPresent(id -> {
                nodes.add(Adf.mention(id, person.name()));
                nodes.add(Adf.text(" "));
            });
        }
        return nodes;
    }

    private static ActionFailedException unmapped(String target, List<Person> people) {
        String ids = people.isEmpty() ? target : String.join(", ", people.stream().map(Person::id).toList());
        return new ActionFailedException("no Jira account id for " + target + ": add \"jira: <accountId>\" for " + ids
                + " under people: in the team directory (BREAKDOWN_TEAMS_FILE)", null);
    }

    private TrackerRequest commentRequest(IssueEvent issue, Adf.Node doc) {
        return TrackerRequest.of(HttpMethod.POST, issueUri(issue, "/comment"), new CommentBody(doc));
    }

    private Optional<JsonNode> lastCommentWith(IssueEvent issue, String marker) {
        JsonNode found = null;
        for (int page = 0, startAt = 0; page < MAX_PAGES; page++) {
            JsonNode answer = http.send(TrackerRequest.get(issueUri(issue, "/comment?startAt=" + startAt + "&maxResults="
                    + PAGE)), authorization()).body();
            for (JsonNode comment : answer.path("comments")) {
                if (comment.path("body").toString().contains(marker)) {
                    found = comment;
                }
            }
            startAt += answer.path("comments").size();
            if (answer.path("comments").isEmpty() || startAt >= answer.path("total").asInt(0)) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean changedHandsSince(JsonNode issue, Instant since) {
        for (JsonNode history : issue.path("changelog").path("histories")) {
            if (!time(history.path("created").asString("")).isAfter(since)) {
                continue;
            }
            for (JsonNode item : history.path("items")) {
                if (RESETS_ESCALATION.contains(item.path("field").asString(""))) {
                    return true;
                }
            }
        }
        return false;
    }

    private String authorization() {
        String credentials = properties.email() + ":" + properties.apiToken();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private URI issueUri(IssueEvent issue, String suffix) {
        return URI.create(base + "/rest/api/3/issue/" + issue.issueKey() + suffix);
    }

    // Jira writes 2026-11-29T10:15:30.000+0000.
    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text, JIRA_TIME).toInstant();
        } catch (RuntimeException notJiraFormat) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (RuntimeException e) {
                return Instant.EPOCH;
            }
        }
    }

    record Assignee(@JsonProperty("accountId") String accountId) {
    }

    record CommentBody(@JsonProperty("body") Adf.Node body) {
    }

    record LabelUpdate(@JsonProperty("update") Labels update) {
        record Labels(@JsonProperty("labels") List<Add> labels) {
        }

        record Add(@JsonProperty("add") String add) {
        }
    }
}
