package dev.breakdown.webhook.github;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.webhook.error.WebhookException;
import dev.breakdown.webhook.intake.DeliveryIntake;
import dev.breakdown.webhook.intake.DeliveryMetrics;
import dev.breakdown.webhook.intake.DeliveryResponse;
import dev.breakdown.webhook.intake.Headers;
import dev.breakdown.webhook.intake.PayloadParser;
import dev.breakdown.webhook.intake.RawBodyReader;
import dev.breakdown.webhook.loop.OwnChanges;
import dev.breakdown.webhook.signature.DeliveryAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** GitHub webhook deliveries; {@code /github/issues} and {@code /github} are the same endpoint. */
@RestController
public class GitHubWebhookController {
    private final RawBodyReader bodies;
    private final DeliveryAuthenticator authenticator;
    private final PayloadParser parser;
    private final GitHubNormalizer normalizer;
    private final DeliveryIntake intake;
    private final DeliveryMetrics metrics;
    private final OwnChanges ownChanges;

    public GitHubWebhookController(RawBodyReader bodies, DeliveryAuthenticator authenticator, PayloadParser parser,
            GitHubNormalizer normalizer, DeliveryIntake intake, DeliveryMetrics metrics, OwnChanges ownChanges) {
        this.bodies = bodies;
        this.authenticator = authenticator;
        this.parser = parser;
        this.normalizer = normalizer;
        this.intake = intake;
        this.metrics = metrics;
        this.ownChanges = ownChanges;
    }

    @PostMapping(path = {"/github", "/github/issues"},
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    public ResponseEntity<DeliveryResponse> receive(
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            HttpServletRequest request) {
        byte[] body = bodies.read(request);
        authenticator.verifyGitHub(body, signature);
        String event = Headers.single(request, "X-GitHub-Event");
        String deliveryId = Headers.single(request, "X-GitHub-Delivery");
        if (event == null || event.isBlank()) {
            throw WebhookException.badRequest("missing_header",
                    "the X-GitHub-Event header is missing; GitHub sends it with every delivery");
        }
        metrics.describe(request, IssueEvent.SOURCE_GITHUB, event, null);
        if (deliveryId == null || deliveryId.isBlank()) {
            throw WebhookException.badRequest("missing_header",
                    "the X-GitHub-Delivery header is missing; GitHub sends it with every delivery");
        }
        JsonNode payload = parser.parse(body, request.getContentType(), GitHubNormalizer.READS);
        if (event.equals("ping")) {
            return intake.pong(request, IssueEvent.SOURCE_GITHUB, deliveryId);
        }
        return intake.take(request, IssueEvent.SOURCE_GITHUB, event, deliveryId, ownChanges.github(payload)
                .orElseGet(() -> normalizer.normalize(event, deliveryId, payload)));
    }
}
