package dev.breakdown.webhook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.breakdown.webhook.support.LiveServiceTest;
import dev.breakdown.webhook.support.Samples;
import dev.breakdown.webhook.support.WebhookServiceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/** With LOG_FORMAT=json, what the service logs while it handles a delivery carries the delivery's and event's ids. */
@WebhookServiceTest
@TestPropertySource(properties = {"LOG_FORMAT=json", "logging.level.dev.breakdown.webhook.intake.DeliveryIntake=debug"})
@ExtendWith(OutputCaptureExtension.class)
class DeliveryLogContextTest extends LiveServiceTest {

    static {
        // Boot sets logging up once until a context closes, and earlier test classes' contexts stay open (cached):
        // without this the JSON format of this context would not take effect.
        LoggingSystem.get(DeliveryLogContextTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void logLinesOfADeliveryCarryItsDeliveryAndEventId(CapturedOutput output) {
        String deliveryId = UUID.randomUUID().toString();

        assertThat(client.github("issues", deliveryId, Samples.webhook("github-issue-opened-p0-bug.json"),
                WebhookServiceTest.GITHUB_SECRET).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        DocumentContext accepted = line(output, "accepted github delivery");
        assertThat(accepted.read("$.delivery_id", String.class)).isEqualTo(deliveryId);
        assertThat(accepted.read("$.event_id", String.class)).isEqualTo(deliveryId);
        assertThat(MDC.getCopyOfContextMap()).as("nothing leaks into the test's own thread").isNullOrEmpty();
    }

    @Test
    void anIgnoredDeliveryIsLoggedWithItsDeliveryIdAndTheContextIsClearedAfter(CapturedOutput output) {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        client.github("push", first, Samples.webhook("github-issue-opened-p0-bug.json"), WebhookServiceTest.GITHUB_SECRET);
        client.github("push", second, Samples.webhook("github-issue-opened-p0-bug.json"), WebhookServiceTest.GITHUB_SECRET);

        List<DocumentContext> ignored = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("ignored github"))
                .map(JsonPath::parse).toList();
        assertThat(ignored).extracting(json -> json.read("$.delivery_id", String.class)).containsExactly(first, second);
        assertThat(ignored).as("an ignored delivery has no event, nor the previous request's")
                .allSatisfy(json -> assertThat(json.jsonString()).doesNotContain("\"event_id\""));
    }

    private static DocumentContext line(CapturedOutput output, String message) {
        return JsonPath.parse(output.getOut().lines().filter(l -> l.startsWith("{") && l.contains(message))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON log line with '" + message + "' in:\n" + output)));
    }
}
