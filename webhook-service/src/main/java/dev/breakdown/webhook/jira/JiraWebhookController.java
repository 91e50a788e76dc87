package dev.breakdown.webhook.jira;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.webhook.intake.DeliveryIntake;
import dev.breakdown.webhook.intake.DeliveryMetrics;
import dev.breakdown.webhook.intake.DeliveryResponse;
import dev.breakdown.webhook.intake.Headers;
import dev.breakdown.webhook.intake.Nodes;
import dev.breakdown.webhook.intake.Normalized;
import dev.breakdown.webhook.intake.PayloadParser;
import dev.breakdown.webhook.intake.RawBodyReader;
import dev.breakdown.webhook.loop.OwnChanges;
import dev.breakdown.webhook.signature.DeliveryAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Jira webhook deliveries: signed ({@code /jira/webhook}, X-Hub-Signature) or, for Jira setups that cannot sign,
 * authenticated by a secret token in the path ({@code /jira/issues/{token}}).
 */
@RestController
public class JiraWebhookController {
    private static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";

    private final RawBodyReader bodies;
    private final DeliveryAuthenticator authenticator;
    private final PayloadParser parser;
    private final JiraNormalizer normalizer;
    private final DeliveryIntake intake;
    private final DeliveryMetrics metrics;
    private final OwnChanges ownChanges;

    public JiraWebhookController(RawBodyReader bodies, DeliveryAuthenticator authenticator, PayloadParser parser,
            JiraNormalizer normalizer, DeliveryIntake intake, DeliveryMetrics metrics, OwnChanges ownChanges) {
        this.bodies = bodies;
        this.authenticator = authenticator;
        this.parser = parser;
        this.normalizer = normalizer;
        this.intake = intake;
        this.metrics = metrics;
        this.ownChanges = ownChanges;
    }

    @PostMapping(path = "/jira/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeliveryResponse> signed(
            @RequestHeader(name = "X-Hub-Signature", required = false) String signature,
            HttpServletRequest request) {
        byte[] body = bodies.read(request);
        authenticator.verifyJira(body, signature);
        return take(body, request);
    }

    @PostMapping(path = "/jira/issues/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeliveryResponse> withPathToken(@PathVariable String token, HttpServletRequest request) {
        authenticator.verifyJiraToken(token);
        return take(bodies.read(request), request);
    }

    private ResponseEntity<DeliveryResponse> take(byte[] body, HttpServletRequest request) {
        String identifier = Headers.single(request, IDENTIFIER);
        JsonNode payload = parser.parse(body, request.getContentType());
        String event = Nodes.text(payload.get("webhookEvent"));
        metrics.describe(request, IssueEvent.SOURCE_JIRA, event, null);
        Normalized normalized = ownChanges.jira(payload).orElseGet(() -> normalizer.normalize(identifier, payload));
        String eventId = normalized instanceof Normalized.Issue issue ? issue.event().eventId() : identifier;
        return intake.take(request, IssueEvent.SOURCE_JIRA, event, eventId, normalized);
    }
}
