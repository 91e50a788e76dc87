package dev.breakdown.gateway.github;

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
import dev.breakdown.platform.directory.Team;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Writes to GitHub's REST API (GITHUB_API_URL): assignees ({@code POST /repos/{o}/{r}/issues/{n}/assignees}),
 * labels ({@code POST .../labels}) and comments ({@code POST .../comments}) carrying hidden markers. Live, it reads
 * the issue, its comments and (for escalations) its events first, and writes only what is missing.
 */
public final class GitHubTracker implements IssueTracker {

    public static final String SOURCE = IssueEvent.SOURCE_GITHUB;
    private static final int MAX_PAGES = 10;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    // Events after which an escalation may be written again: the issue changed hands, or was closed and reopened.
    private static final Set<String> RESETS_ESCALATION = Set.of("assigned", "unassigned", "closed", "reopened");

    private final TrackerHttp http;
    private final GitHubAuth auth;
    private final URI api;

    /** @param auth null when no credentials are configured (dry-run only) */
    public GitHubTracker(TrackerHttp http, GitHubAuth auth, URI api) {
        this.http = http;
        this.auth = auth;
        this.api = api;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<String> missingConfiguration() {
        return auth != null ? Optional.empty()
                : Optional.of("set GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY");
    }

    @Override
    public boolean names(IssueEvent issue) {
        return issue.repo() != null && issue.repo().contains("/") && issue.issueNumber() != null;
    }

    @Override
    public String assign(ActionContext context, List<Person> people, boolean live) {
        IssueEvent issue = context.issue();
        List<String> logins = people.stream().map(Person::githubLogin).distinct().toList();
        if (logins.isEmpty()) {
            throw new ActionFailedException("nobody to assign: " + context.action().target() + " has no members", null);
        }
        if (!live) {
            return http.wouldSend(List.of(assignRequest(issue, logins)));
        }
        String authorization = auth.authorization(issue.repo());
        Set<String> current = logins(http.send(TrackerRequest.get(issueUri(issue, "")), authorization).body().path("assignees"));
        List<String> missing = logins.stream().filter(login -> !current.contains(login.toLowerCase(Locale.ROOT))).toList();
        if (missing.isEmpty()) {
            return "github: " + String.join(", ", logins) + " already assigned to " + ref(issue);
        }
        JsonNode answer = http.send(assignRequest(issue, missing), authorization).body();
        // GitHub answers 201 and silently skips logins that cannot be assigned (no access to the repository).
        Set<String> now = logins(answer.path("assignees"));
        List<String> refused = missing.stream().filter(login -> !now.contains(login.toLowerCase(Locale.ROOT))).toList();
        if (!refused.isEmpty()) {
            throw new ActionFailedException("github did not assign " + String.join(", ", refused) + " to " + ref(issue)
                    + ": they need access to " + issue.repo() + " (or set their login as github: in BREAKDOWN_TEAMS_FILE)", null);
        }
        return "github: assigned " + String.join(", ", missing) + " to " + ref(issue);
    }

    @Override
    public String escalate(ActionContext context, Escalation escalation, boolean live) {
        IssueEvent issue = context.issue();
        String mention = mentions(escalation.audience());
        String body = "Escalated to " + (mention.isBlank() ? escalation.target() : mention) + " by Breakdown"
                + (escalation.reason().isBlank() ? "." : ": " + escalation.reason())
                + Markers.hidden(Markers.action(context.action().eventId()), Markers.escalation(escalation.target()));
        TrackerRequest label = TrackerRequest.of(HttpMethod.POST, issueUri(issue, "/labels"),
                new Labels(List.of(escalation.label())));
        TrackerRequest comment = TrackerRequest.of(HttpMethod.POST, issueUri(issue, "/comments"), new Comment(body));
        if (!live) {
            return http.wouldSend(List.of(label, comment));
        }
        String authorization = auth.authorization(issue.repo());
        Optional<JsonNode> earlier = lastCommentWith(issue, Markers.escalation(escalation.target()), authorization);
        if (earlier.isPresent() && !changedHandsSince(issue, instant(earlier.get(), "created_at"), authorization)) {
            return "github: already escalated to " + escalation.target() + " on " + ref(issue) + " ("
                    + earlier.get().path("html_url").asString("comment " + earlier.get().path("id").asString()) + ")";
        }
        List<String> done = new ArrayList<>();
        JsonNode current = http.send(TrackerRequest.get(issueUri(issue, "")), authorization).body();
        boolean labelled = false;
        for (JsonNode existing : current.path("labels")) {
            labelled |= escalation.label().equalsIgnoreCase(existing.path("name").asString(""));
        }
        if (!labelled) {
            http.send(label, authorization);
            done.add("labelled " + escalation.label());
        }
        JsonNode posted = http.send(comment, authorization).body();
        done.add("commented " + posted.path("html_url").asString(""));
        return "github: escalated " + ref(issue) + " to " + escalation.target() + ": " + String.join(", ", done);
    }

    @Override
    public String comment(ActionContext context, String markerId, String text, Audience audience, boolean live) {
        IssueEvent issue = context.issue();
        String marker = Markers.action(markerId);
        String mentions = mentions(audience);
        TrackerRequest comment = TrackerRequest.of(HttpMethod.POST, issueUri(issue, "/comments"),
                new Comment(text + (mentions.isBlank() ? "" : "\n\ncc " + mentions) + Markers.hidden(marker)));
        if (!live) {
            return http.wouldSend(List.of(comment));
        }
        String authorization = auth.authorization(issue.repo());
        Optional<JsonNode> earlier = lastCommentWith(issue, marker, authorization);
        if (earlier.isPresent()) {
            return "github: already commented on " + ref(issue) + " ("
                    + earlier.get().path("html_url").asString("comment " + earlier.get().path("id").asString()) + ")";
        }
        JsonNode posted = http.send(comment, authorization).body();
        return "github: commented on " + ref(issue) + " (" + posted.path("html_url").asString("") + ")";
    }

    /** The team's @org/team-slug when the directory has one, else each person's @login. */
    private static String mentions(Audience audience) {
        return audience.team().flatMap(Team::githubTeam).map(slug -> "@" + slug)
                .orElseGet(() -> audience.people().stream().map(p -> "@" + p.githubLogin()).distinct()
                        .collect(Collectors.joining(" ")));
    }

    private TrackerRequest assignRequest(IssueEvent issue, List<String> logins) {
        return TrackerRequest.of(HttpMethod.POST, issueUri(issue, "/assignees"), new Assignees(logins));
    }

    private Optional<JsonNode> lastCommentWith(IssueEvent issue, String marker, String authorization) {
        JsonNode found = null;
        for (JsonNode comment : all(issueUri(issue, "/comments?per_page=100"), authorization)) {
            if (comment.path("body").asString("").contains(marker)) {
                found = comment;
            }
        }
        return Optional.ofNullable(found);
    }

    private boolean changedHandsSince(IssueEvent issue, Instant since, String authorization) {
        for (JsonNode event : all(issueUri(issue, "/events?per_page=100"), authorization)) {
            if (RESETS_ESCALATION.contains(event.path("event").asString("")) && instant(event, "created_at").isAfter(since)) {
                return true;
            }
        }
        return false;
    }

    // Follows the Link header's rel="next", at most MAX_PAGES pages of 100.
    private List<JsonNode> all(URI first, String authorization) {
        List<JsonNode> items = new ArrayList<>();
        URI next = first;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            var answer = http.send(TrackerRequest.get(next), authorization);
            answer.body().forEach(items::add);
            String link = answer.headers().getFirst("Link");
            Matcher matcher = link == null ? null : NEXT.matcher(link);
            next = matcher != null && matcher.find() ? URI.create(matcher.group(1)) : null;
        }
        return items;
    }

    private URI issueUri(IssueEvent issue, String suffix) {
        return URI.create(api + "/repos/" + issue.repo() + "/issues/" + issue.issueNumber() + suffix);
    }

    private static Set<String> logins(JsonNode users) {
        Set<String> logins = new LinkedHashSet<>();
        users.forEach(user -> logins.add(user.path("login").asString("").toLowerCase(Locale.ROOT)));
        return logins;
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.path(field).asString(""));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String ref(IssueEvent issue) {
        return issue.repo() + "#" + issue.issueNumber();
    }

    record Assignees(@JsonProperty("assignees") List<String> assignees) {
    }

    record Labels(@JsonProperty("labels") List<String> labels) {
    }

    record Comment(@JsonProperty("body") String body) {
    }
}
