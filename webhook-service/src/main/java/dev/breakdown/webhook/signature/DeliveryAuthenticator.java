package dev.breakdown.webhook.signature;

import dev.breakdown.webhook.WebhookProperties;
import dev.breakdown.webhook.error.WebhookException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Decides whether a delivery really comes from the source it claims, before anything of it is read. */
@Component
public class DeliveryAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(DeliveryAuthenticator.class);

    private final WebhookProperties properties;

    public DeliveryAuthenticator(WebhookProperties properties) {
        this.properties = properties;
        if (properties.allowUnsigned()) {
            log.warn("WEBHOOK_ALLOW_UNSIGNED is on: sources without a secret accept unsigned deliveries from anyone. "
                    + "Use this for local trials only.");
        }
    }

    public void verifyGitHub(byte[] body, String signatureHeader) {
        verify(body, signatureHeader, properties.githubSecrets(), "X-Hub-Signature-256", "GITHUB_WEBHOOK_SECRET",
                "GitHub");
    }

    public void verifyJira(byte[] body, String signatureHeader) {
        verify(body, signatureHeader, properties.jiraSecrets(), "X-Hub-Signature", "JIRA_WEBHOOK_SECRET", "Jira");
    }

    public void verifyJiraToken(String token) {
        String expected = properties.jiraPathToken();
        if (expected == null) {
            if (properties.allowUnsigned()) {
                return;
            }
            throw WebhookException.unauthorized("not_configured",
                    "Jira path-token deliveries are not configured on this server: set JIRA_PATH_TOKEN");
        }
        if (!SignatureVerifier.tokensEqual(expected, token)) {
            throw WebhookException.unauthorized("invalid_token",
                    "the token in the path does not match JIRA_PATH_TOKEN; the delivery was not stored");
        }
    }

    private void verify(byte[] body, String header, List<String> secrets, String headerName, String variable,
            String source) {
        if (secrets.isEmpty()) {
            if (properties.allowUnsigned()) {
                return;
            }
            throw WebhookException.unauthorized("not_configured",
                    source + " webhooks are not configured on this server: set " + variable
                            + " to the secret of the " + source + " webhook");
        }
        if (header == null || header.isBlank()) {
            throw WebhookException.unauthorized("missing_signature",
                    "the " + headerName + " header is missing; configure the " + source
                            + " webhook with a secret (the one in " + variable + ")");
        }
        if (!SignatureVerifier.matches(header, body, secrets)) {
            throw WebhookException.unauthorized("invalid_signature",
                    "the " + headerName + " signature does not match the body under any secret in " + variable
                            + "; check that both sides use the same secret. The delivery was not stored");
        }
    }
}
