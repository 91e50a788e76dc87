package dev.breakdown.webhook;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of webhook-service ({@code breakdown.webhook.*}); application.yml maps the architecture's
 * environment variables onto them.
 *
 * @param githubSecrets  GITHUB_WEBHOOK_SECRET: every secret GitHub may sign with (several during a rotation)
 * @param jiraSecrets    JIRA_WEBHOOK_SECRET: every secret Jira may sign with
 * @param jiraPathToken  JIRA_PATH_TOKEN: the token in {@code /jira/issues/{token}} for Jira setups that cannot sign
 * @param allowUnsigned  WEBHOOK_ALLOW_UNSIGNED: accept unsigned deliveries for sources without a secret (local trials)
 * @param defaultProject PROJECT_ID: project of events no mapping names
 * @param projects       GitHub {@code owner/repo} or {@code owner}, or Jira project key, to project id
 * @param ackTimeout     how long a delivery waits for the broker's acknowledgement before answering 503
 * @param maxBodySize    largest accepted request body
 * @param bufferBudget   WEBHOOK_BUFFER_BUDGET: bytes of bodies all requests together may hold before their signature
 *                       is checked (a size such as 64MB, at least maxBodySize); kept as text so a bad value is
 *                       reported under the variable's name rather than as a conversion error
 */
@ConfigurationProperties("breakdown.webhook")
@Validated
public record WebhookProperties(
        List<String> githubSecrets,
        List<String> jiraSecrets,
        String jiraPathToken,
        @DefaultValue("false") boolean allowUnsigned,
        @DefaultValue("alpha") @NotBlank String defaultProject,
        Map<String, String> projects,
        @DefaultValue("5s") @NotNull Duration ackTimeout,
        @DefaultValue("25MB") @NotNull DataSize maxBodySize,
        @DefaultValue("64MB") String bufferBudget) {

    public WebhookProperties {
        githubSecrets = cleaned(githubSecrets);
        jiraSecrets = cleaned(jiraSecrets);
        jiraPathToken = jiraPathToken == null || jiraPathToken.isBlank() ? null : jiraPathToken.strip();
        projects = projects == null ? Map.of() : Map.copyOf(projects);
    }

    @AssertTrue(message = "no webhook secret is configured: set GITHUB_WEBHOOK_SECRET and/or JIRA_WEBHOOK_SECRET "
            + "(or JIRA_PATH_TOKEN for Jira setups that cannot sign); only for local trials, "
            + "WEBHOOK_ALLOW_UNSIGNED=true accepts unsigned deliveries")
    public boolean isSecretConfigured() {
        return allowUnsigned || !githubSecrets.isEmpty() || !jiraSecrets.isEmpty() || jiraPathToken != null;
    }

    @AssertTrue(message = "must be positive (breakdown.webhook.ack-timeout)")
    public boolean isAckTimeoutPositive() {
        return ackTimeout == null || (!ackTimeout.isNegative() && !ackTimeout.isZero());
    }

    @AssertTrue(message = "must be between 1B and 2GB (breakdown.webhook.max-body-size, WEBHOOK_MAX_BODY_SIZE)")
    public boolean isMaxBodySizePositive() {
        return maxBodySize == null || (maxBodySize.toBytes() > 0 && maxBodySize.toBytes() < Integer.MAX_VALUE);
    }

    @AssertTrue(message = "must be a size such as 64MB and at least WEBHOOK_MAX_BODY_SIZE, or no delivery of the largest "
            + "accepted size could ever be read (breakdown.webhook.buffer-budget, WEBHOOK_BUFFER_BUDGET)")
    public boolean isBufferBudgetValid() {
        try {
            return maxBodySize == null || bufferBudgetBytes() >= maxBodySize.toBytes();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** WEBHOOK_BUFFER_BUDGET in bytes; an empty variable (as a blank line in .env leaves it) means the default. */
    public long bufferBudgetBytes() {
        return DataSize.parse(bufferBudget == null || bufferBudget.isBlank() ? "64MB" : bufferBudget.strip()).toBytes();
    }

    /** Secrets stay out of logs and error messages. */
    @Override
    public String toString() {
        return "WebhookProperties[githubSecrets=" + githubSecrets.size() + ", jiraSecrets=" + jiraSecrets.size()
                + ", jiraPathToken=" + (jiraPathToken == null ? "unset" : "set") + ", allowUnsigned=" + allowUnsigned
                + ", defaultProject=" + defaultProject + ", projects=" + projects + ", ackTimeout=" + ackTimeout
                + ", maxBodySize=" + maxBodySize + ", bufferBudget=" + bufferBudget + "]";
    }

    // "a, b" from an environment variable binds as ["a", " b"]; blank entries come from an unset variable.
    private static List<String> cleaned(List<String> secrets) {
        return secrets == null ? List.of() : secrets.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
