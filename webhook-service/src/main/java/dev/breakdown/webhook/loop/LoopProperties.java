package dev.breakdown.webhook.loop;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who Breakdown writes as ({@code breakdown.webhook.loop}), so its own changes are not acted on again:
 * GITHUB_BOT_LOGIN (comma-separated; for a GitHub App, {@code <app-slug>[bot]}), else the login of GITHUB_TOKEN
 * looked up at GITHUB_API_URL; JIRA_BOT_ACCOUNT_ID and JIRA_EMAIL for Jira.
 */
@ConfigurationProperties("breakdown.webhook.loop")
@Validated
public record LoopProperties(
        List<String> githubLogins,
        String githubToken,
        @DefaultValue("https://api.github.com") String githubApiUrl,
        List<String> jiraAccountIds,
        String jiraEmail) {

    public LoopProperties {
        githubLogins = cleaned(githubLogins).stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        githubToken = githubToken == null || githubToken.isBlank() ? null : githubToken.strip();
        githubApiUrl = githubApiUrl == null || githubApiUrl.isBlank() ? "https://api.github.com"
                : githubApiUrl.strip().replaceAll("/+$", "");
        jiraAccountIds = cleaned(jiraAccountIds);
        jiraEmail = jiraEmail == null || jiraEmail.isBlank() ? null : jiraEmail.strip();
    }

    @AssertTrue(message = "GITHUB_API_URL must be an absolute http(s) URL, e.g. https://api.github.com")
    public boolean isGithubApiUrlValid() {
        try {
            URI uri = new URI(githubApiUrl);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The token stays out of logs. */
    @Override
    public String toString() {
        return "LoopProperties[githubLogins=" + githubLogins + ", githubToken=" + (githubToken == null ? "unset" : "set")
                + ", githubApiUrl=" + githubApiUrl + ", jiraAccountIds=" + jiraAccountIds + ", jiraEmail=" + jiraEmail + "]";
    }

    private static List<String> cleaned(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
