package dev.breakdown.gateway.standin;

import com.sun.net.httpserver.HttpExchange;
import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Jira Cloud REST API v3 for issues, as documented: GET an issue (fields and changelog), PUT its assignee,
 * PUT update.labels, GET comments (startAt/maxResults/total) and POST comments in ADF. Basic auth with one e-mail
 * and API token; anything else gets 401.
 */
public final class JiraStandIn extends TrackerStandIn {

    private static final Pattern ISSUE = Pattern.compile("^/rest/api/3/issue/([A-Z][A-Z0-9_]*-\\d+)(/assignee|/comment)?$");
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static final class Issue {
        String assignee;
        final Set<String> labels = new LinkedHashSet<>();
        final List<ObjectNode> comments = new ArrayList<>();
        final List<ObjectNode> histories = new ArrayList<>();
    }

    private final Map<String, Issue> issues = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(10000);
    private final String basic;

    public JiraStandIn(String email, String apiToken) {
        this.basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    public String assignee(String key) {
        return issue(key).assignee;
    }

    public List<String> labels(String key) {
        return List.copyOf(issue(key).labels);
    }

    public List<JsonNode> comments(String key) {
        synchronized (issue(key)) {
            return List.copyOf(issue(key).comments);
        }
    }

    /** A changelog entry as a person's change leaves it, e.g. field "assignee" or "resolution", now. */
    public void change(String key, String field) {
        Issue issue = issue(key);
        synchronized (issue) {
            history(issue, field);
        }
    }

    @Override
    protected void resetState() {
        issues.clear();
    }

    @Override
    protected void handle(Received request, HttpExchange exchange) throws IOException {
        Matcher matcher = ISSUE.matcher(request.path());
        if (!matcher.matches()) {
            send(exchange, 404, "{\"errorMessages\":[\"Not found\"],\"errors\":{}}");
            return;
        }
        if (!basic.equals(request.authorization())) {
            send(exchange, 401, "{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],\"errors\":{}}");
            return;
        }
        String key = matcher.group(1);
        String what = matcher.group(2) == null ? "" : matcher.group(2);
        Issue issue = issue(key);
        synchronized (issue) {
            switch (request.method() + " " + what) {
                case "GET " -> send(exchange, 200, issueJson(key, issue));
                case "PUT " -> {
                    request.json().path("update").path("labels").forEach(op -> {
                        if (op.has("add")) {
                            issue.labels.add(op.get("add").asString());
                        }
                    });
                    send(exchange, 204, null);
                }
                case "PUT /assignee" -> {
                    issue.assignee = request.json().path("accountId").asString();
                    history(issue, "assignee");
                    send(exchange, 204, null);
                }
                case "GET /comment" -> {
                    Map<String, String> query = query(request.query());
                    int startAt = Integer.parseInt(query.getOrDefault("startAt", "0"));
                    int max = Integer.parseInt(query.getOrDefault("maxResults", "50"));
                    int from = Math.min(startAt, issue.comments.size());
                    int to = Math.min(issue.comments.size(), from + max);
                    ObjectNode page = Json.mapper().createObjectNode();
                    page.put("startAt", startAt);
                    page.put("maxResults", max);
                    page.put("total", issue.comments.size());
                    ArrayNode comments = page.putArray("comments");
                    issue.comments.subList(from, to).forEach(comments::add);
                    send(exchange, 200, page);
                }
                case "POST /comment" -> {
                    ObjectNode comment = Json.mapper().createObjectNode();
                    comment.put("id", Integer.toString(ids.incrementAndGet()));
                    comment.set("body", request.json().path("body"));
                    comment.put("created", now());
                    issue.comments.add(comment);
                    send(exchange, 201, comment);
                }
                default -> send(exchange, 405, "{\"errorMessages\":[\"Method not allowed\"],\"errors\":{}}");
            }
        }
    }

    private Issue issue(String key) {
        return issues.computeIfAbsent(key, k -> new Issue());
    }

    private static void history(Issue issue, String field) {
        ObjectNode history = Json.mapper().createObjectNode();
        history.put("created", now());
        history.putArray("items").addObject().put("field", field);
        issue.histories.add(history);
    }

    private static JsonNode issueJson(String key, Issue issue) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("key", key);
        ObjectNode fields = json.putObject("fields");
        if (issue.assignee == null) {
            fields.putNull("assignee");
        } else {
            fields.putObject("assignee").put("accountId", issue.assignee);
        }
        ArrayNode labels = fields.putArray("labels");
        issue.labels.forEach(labels::add);
        ArrayNode histories = json.putObject("changelog").putArray("histories");
        issue.histories.forEach(histories::add);
        return json;
    }

    private static String now() {
        return JIRA_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
