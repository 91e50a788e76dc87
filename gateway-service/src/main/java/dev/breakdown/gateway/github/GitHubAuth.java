package dev.breakdown.gateway.github;

/** The Authorization header value for requests about one repository: a token, or an App installation's token. */
public interface GitHubAuth {

    String authorization(String repo);
}
