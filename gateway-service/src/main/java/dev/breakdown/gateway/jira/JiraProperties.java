package dev.breakdown.gateway.jira;

import dev.breakdown.gateway.HttpUrl;
import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Jira Cloud write-back ({@code breakdown.jira}): JIRA_BASE_URL (https://your-site.atlassian.net), JIRA_EMAIL and
 * JIRA_API_TOKEN (basic auth). All three or none (then Jira is dry-run only).
 */
@ConfigurationProperties("breakdown.jira")
@Validated
public record JiraProperties(
        @HttpUrl(message = "must be an absolute http(s) URL: check JIRA_BASE_URL, e.g. https://your-site.atlassian.net")
        String baseUrl,
        String email,
        String apiToken) {

    public JiraProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
        email = email == null || email.isBlank() ? null : email.strip();
        apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken.strip();
    }

    public boolean configured() {
        return baseUrl != null && email != null && apiToken != null;
    }

    public URI baseUri() {
        return URI.create(baseUrl == null ? "https://your-site.atlassian.net" : baseUrl);
    }

    @AssertTrue(message = "Jira write-back needs JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN together")
    public boolean isComplete() {
        return missing().isEmpty() || missing().size() == 3;
    }

    /** The variables still unset, for messages. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (baseUrl == null) {
            missing.add("JIRA_BASE_URL");
        }
        if (email == null) {
            missing.add("JIRA_EMAIL");
        }
        if (apiToken == null) {
            missing.add("JIRA_API_TOKEN");
        }
        return missing;
    }

    /** The token stays out of logs. */
    @Override
    public String toString() {
        return "JiraProperties[baseUrl=" + baseUrl + ", email=" + email + ", apiToken=" + (apiToken == null ? "unset" : "set") + "]";
    }
}
