package dev.breakdown.gateway.standin;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import dev.breakdown.contracts.Json;
import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local GitHub REST API for issues, as documented: GET an issue, POST assignees, labels and comments, GET comments
 * and events (paged with Link headers), and GitHub App authentication (GET /repos/{o}/{r}/installation and POST
 * /app/installations/{id}/access_tokens with a JWT it verifies against the App's public key). It answers 401 to
 * unknown credentials and sends X-RateLimit-Remaining/-Reset with every answer.
 */
public final class GitHubStandIn extends TrackerStandIn {

    private static final Pattern ISSUE = Pattern.compile("^/repos/([^/]+/[^/]+)/issues/(\\d+)(/[a-z]+)?$");
    private static final Pattern INSTALLATION = Pattern.compile("^/repos/([^/]+/[^/]+)/installation$");
    private static final Pattern ACCESS_TOKENS = Pattern.compile("^/app/installations/(\\d+)/access_tokens$");

    /** One issue's state. */
    private static final class Issue {
        final Set<String> assignees = new LinkedHashSet<>();
        final Set<String> labels = new LinkedHashSet<>();
        final List<ObjectNode> comments = new ArrayList<>();
        final List<ObjectNode> events = new ArrayList<>();
    }

    private final Map<String, Issue> issues = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<String> unassignable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicLong remaining = new AtomicLong(5000);
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String appId;
    private volatile RSAPublicKey appKey;
    private volatile long installationId;
    private volatile Duration tokenLifetime = Duration.ofHours(1);

    public GitHubStandIn() {
    }

    /** A personal access token it accepts. */
    public GitHubStandIn acceptToken(String token) {
        tokens.add(token);
        return this;
    }

    /** A GitHub App it knows: JWTs signed with the key's private half get installation tokens. */
    public GitHubStandIn app(String id, RSAPublicKey publicKey, long installation, Duration lifetime) {
        this.appId = id;
        this.appKey = publicKey;
        this.installationId = installation;
        this.tokenLifetime = lifetime;
        return this;
    }

    /** GitHub answers 201 but leaves out logins without access to the repository. */
    public void unassignable(String login) {
        unassignable.add(login);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public List<String> assignees(String repo, int number) {
        return List.copyOf(issue(repo, number).assignees);
    }

    public List<String> labels(String repo, int number) {
        return List.copyOf(issue(repo, number).labels);
    }

    public List<String> comments(String repo, int number) {
        synchronized (issue(repo, number)) {
            return issue(repo, number).comments.stream().map(c -> c.get("body").asString()).toList();
        }
    }

    /** A comment a person wrote. */
    public void comment(String repo, int number, String body) {
        Issue issue = issue(repo, number);
        synchronized (issue) {
            issue.comments.add(commentJson(repo, number, body));
        }
    }

    /** An issue event as a person's action would leave it, e.g. "assigned" or "reopened", now. */
    public void event(String repo, int number, String event) {
        Issue issue = issue(repo, number);
        synchronized (issue) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("id", ids.incrementAndGet());
            node.put("event", event);
            node.put("created_at", Instant.now().toString());
            issue.events.add(node);
        }
    }

    @Override
    protected void resetState() {
        issues.clear();
        unassignable.clear();
        tokensIssued.set(0);
    }

    @Override
    protected void commonHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-RateLimit-Limit", "5000");
        exchange.getResponseHeaders().set("X-RateLimit-Remaining", Long.toString(remaining.decrementAndGet()));
        exchange.getResponseHeaders().set("X-RateLimit-Reset", Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()));
    }

    @Override
    protected void handle(Received request, HttpExchange exchange) throws IOException {
        Matcher installation = INSTALLATION.matcher(request.path());
        Matcher accessTokens = ACCESS_TOKENS.matcher(request.path());
        if (installation.matches() && request.method().equals("GET")) {
            if (!validJwt(request.authorization())) {
                send(exchange, 401, "{\"message\":\"A JSON web token could not be decoded\"}");
                return;
            }
            send(exchange, 200, Map.of("id", installationId, "app_id", Long.parseLong(appId)));
            return;
        }
        if (accessTokens.matches() && request.method().equals("POST")) {
            if (!validJwt(request.authorization()) || Long.parseLong(accessTokens.group(1)) != installationId) {
                send(exchange, 401, "{\"message\":\"A JSON web token could not be decoded\"}");
                return;
            }
            String token = "ghs_" + UUID.randomUUID().toString().replace("-", "");
            tokens.add(token);
            tokensIssued.incrementAndGet();
            send(exchange, 201, Map.of("token", token, "expires_at", Instant.now().plus(tokenLifetime).toString()));
            return;
        }
        Matcher matcher = ISSUE.matcher(request.path());
        if (!matcher.matches()) {
            send(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        if (request.authorization() == null || !request.authorization().startsWith("Bearer ")
                || !tokens.contains(request.authorization().substring("Bearer ".length()))) {
            send(exchange, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        String repo = matcher.group(1);
        int number = Integer.parseInt(matcher.group(2));
        String what = matcher.group(3) == null ? "" : matcher.group(3);
        Issue issue = issue(repo, number);
        synchronized (issue) {
            switch (request.method() + " " + what) {
                case "GET " -> send(exchange, 200, issueJson(repo, number, issue));
                case "POST /assignees" -> {
                    request.json().path("assignees").forEach(login -> {
                        if (!unassignable.contains(login.asString())) {
                            issue.assignees.add(login.asString());
                        }
                    });
                    send(exchange, 201, issueJson(repo, number, issue));
                }
                case "POST /labels" -> {
                    request.json().path("labels").forEach(label -> issue.labels.add(label.asString()));
                    ArrayNode labels = Json.mapper().createArrayNode();
                    issue.labels.forEach(name -> labels.addObject().put("name", name));
                    send(exchange, 200, labels);
                }
                case "POST /comments" -> {
                    ObjectNode comment = commentJson(repo, number, request.json().path("body").asString());
                    issue.comments.add(comment);
                    send(exchange, 201, comment);
                }
                case "GET /comments" -> page(exchange, request, issue.comments);
                case "GET /events" -> page(exchange, request, issue.events);
                default -> send(exchange, 404, "{\"message\":\"Not Found\"}");
            }
        }
    }

    private Issue issue(String repo, int number) {
        return issues.computeIfAbsent(repo + "#" + number, k -> new Issue());
    }

    private ObjectNode commentJson(String repo, int number, String body) {
        ObjectNode comment = Json.mapper().createObjectNode();
        int id = ids.incrementAndGet();
        comment.put("id", id);
        comment.put("body", body);
        comment.put("html_url", "https://github.com/" + repo + "/issues/" + number + "#issuecomment-" + id);
        comment.put("created_at", Instant.now().toString());
        return comment;
    }

    private static JsonNode issueJson(String repo, int number, Issue issue) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("number", number);
        json.put("state", "open");
        json.put("html_url", "https://github.com/" + repo + "/issues/" + number);
        ArrayNode assignees = json.putArray("assignees");
        issue.assignees.forEach(login -> assignees.addObject().put("login", login));
        ArrayNode labels = json.putArray("labels");
        issue.labels.forEach(name -> labels.addObject().put("name", name));
        return json;
    }

    // per_page and page as GitHub reads them; a Link rel="next" header while more pages follow.
    private void page(HttpExchange exchange, Received request, List<ObjectNode> all) throws IOException {
        Map<String, String> query = query(request.query());
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        if (to < all.size()) {
            exchange.getResponseHeaders().set("Link", "<" + url() + request.path() + "?per_page=" + perPage + "&page="
                    + (page + 1) + ">; rel=\"next\"");
        }
        ArrayNode items = Json.mapper().createArrayNode();
        all.subList(from, to).forEach(items::add);
        send(exchange, 200, items);
    }

    private boolean validJwt(String authorization) {
        if (appKey == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            Instant now = Instant.now();
            return jwt.getHeader().getAlgorithm().getName().equals("RS256")
                    && jwt.verify(new RSASSAVerifier(appKey))
                    && appId.equals(jwt.getJWTClaimsSet().getIssuer())
                    && jwt.getJWTClaimsSet().getIssueTime().toInstant().isBefore(now)
                    && jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(now)
                    // GitHub refuses JWTs that live longer than ten minutes.
                    && Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                    jwt.getJWTClaimsSet().getExpirationTime().toInstant()).compareTo(Duration.ofMinutes(11)) <= 0;
        } catch (Exception e) {
            return false;
        }
    }
}
