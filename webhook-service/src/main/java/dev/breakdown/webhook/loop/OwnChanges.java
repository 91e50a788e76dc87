package dev.breakdown.webhook.loop;

import dev.breakdown.webhook.intake.Nodes;
import dev.breakdown.webhook.intake.Normalized;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Loop prevention at intake: a delivery caused by Breakdown's own account (the gateway's write-back assigning,
 * labelling, commenting), or a comment carrying Breakdown's marker ({@value #MARKER}), is not stored; it is answered
 * 202 "ignored" and counted as {@code breakdown.webhook.deliveries{result="own_change"}}. Here rather than in the
 * agent because only the raw payload names who made the change, and nothing of it then reaches Kafka or the agent.
 */
@Component
public class OwnChanges {

    /** The start of every marker the gateway writes into its comments. */
    public static final String MARKER = "breakdown:action=";
    private static final Logger log = LoggerFactory.getLogger(OwnChanges.class);
    private static final Duration LOOKUP_RETRY = Duration.ofMinutes(1);

    private final LoopProperties properties;
    private final RestClient github;
    private volatile String tokenLogin;
    private volatile Instant nextLookup = Instant.MIN;

    public OwnChanges(LoopProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        this.github = builder.clone().baseUrl(properties.githubApiUrl())
                .defaultHeader("Accept", "application/vnd.github+json")
                .defaultHeader("X-GitHub-Api-Version", "2022-11-28")
                .build();
    }

    /** The reason to drop a GitHub delivery, when Breakdown caused it. */
    public Optional<Normalized> github(JsonNode payload) {
        String action = Nodes.text(payload.get("action"));
        String sender = Nodes.text(payload.path("sender").get("login"));
        if (sender != null && isOwnGitHubLogin(sender.toLowerCase(Locale.ROOT))) {
            return Optional.of(Normalized.ownChange(action, "made by Breakdown's own account " + sender
                    + " (loop prevention)"));
        }
        return marked(action, payload.path("comment").path("body"));
    }

    /** The reason to drop a Jira delivery, when Breakdown caused it. */
    public Optional<Normalized> jira(JsonNode payload) {
        String action = Nodes.text(payload.get("webhookEvent"));
        JsonNode user = payload.path("user");
        String accountId = Nodes.text(user.get("accountId"));
        String email = Nodes.text(user.get("emailAddress"));
        if (accountId != null && properties.jiraAccountIds().contains(accountId)
                || email != null && email.equalsIgnoreCase(properties.jiraEmail())) {
            return Optional.of(Normalized.ownChange(action, "made by Breakdown's own Jira account (loop prevention)"));
        }
        return marked(action, payload.path("comment").path("body"));
    }

    // A comment body is text on GitHub and Jira's v2 payloads, an ADF tree in v3: its JSON text holds the marker either way.
    private static Optional<Normalized> marked(String action, JsonNode body) {
        String text = body.isString() ? body.asString() : body.isMissingNode() ? "" : body.toString();
        return text.contains(MARKER)
                ? Optional.of(Normalized.ownChange(action, "the comment carries Breakdown's marker (loop prevention)"))
                : Optional.empty();
    }

    private boolean isOwnGitHubLogin(String login) {
        if (properties.githubLogins().contains(login)) {
            return true;
        }
        String fromToken = properties.githubLogins().isEmpty() ? loginOfToken() : null;
        return login.equals(fromToken);
    }

    // GET /user with GITHUB_TOKEN, once; a failed lookup is tried again after a minute, not on every delivery.
    private String loginOfToken() {
        if (properties.githubToken() == null || tokenLogin != null || Instant.now().isBefore(nextLookup)) {
            return tokenLogin;
        }
        synchronized (this) {
            if (tokenLogin == null && !Instant.now().isBefore(nextLookup)) {
                try {
                    JsonNode user = github.get().uri("/user").header("Authorization", "Bearer " + properties.githubToken())
                            .retrieve().body(JsonNode.class);
                    String login = user == null ? null : Nodes.text(user.get("login"));
                    tokenLogin = login == null ? null : login.toLowerCase(Locale.ROOT);
                    log.info("loop prevention: GitHub deliveries sent by {} (the login of GITHUB_TOKEN) are not acted on", login);
                } catch (RestClientException e) {
                    nextLookup = Instant.now().plus(LOOKUP_RETRY);
                    log.warn("loop prevention: could not look up the login of GITHUB_TOKEN at {} ({}); set "
                            + "GITHUB_BOT_LOGIN", properties.githubApiUrl(), e.getMessage());
                }
            }
        }
        return tokenLogin;
    }
}
