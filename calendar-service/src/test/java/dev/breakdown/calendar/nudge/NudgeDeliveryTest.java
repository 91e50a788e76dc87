package dev.breakdown.calendar.nudge;

import static dev.breakdown.calendar.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.Http;
import dev.breakdown.calendar.ServiceApiTest;
import dev.breakdown.calendar.Http.Response;
import dev.breakdown.calendar.PostgresDatabase;
import dev.breakdown.calendar.SlackStandIn;
import dev.breakdown.calendar.SlackStandIn.Answer;
import dev.breakdown.calendar.TeamsFile;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Nudges delivered to a local stand-in for Slack incoming webhooks, on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class NudgeDeliveryTest extends ServiceApiTest {

    @RegisterExtension
    static final PostgresDatabase database = new PostgresDatabase("delivery");

    static final SlackStandIn slack = new SlackStandIn();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        database.register(registry);
        String teams = TeamsFile.write("""
                people:
                  alice: {slack: "%s"}
                  gone: {slack: "%s"}
                  busy: {slack: "%s"}
                  down: {slack: "%s"}
                teams:
                  flaky: {members: [alice], slack: "%s"}
                """.formatted(slack.url("/alice"), slack.url("/gone"), slack.url("/busy"), slack.url("/down"),
                slack.url("/flaky"))).toString();
        registry.add("breakdown.teams-file", () -> teams);
        registry.add("breakdown.calendar.nudges.slack-webhook-url", () -> slack.url("/default"));
        registry.add("breakdown.calendar.nudges.retry-base", () -> "200ms");
        registry.add("breakdown.calendar.nudges.poll-interval", () -> "100ms");
        registry.add("breakdown.calendar.nudges.max-attempts", () -> "3");
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    private JsonNode nudge(String to, String message) {
        Response created = http.postJson("/api/nudges", """
                {"to": "%s", "message": "%s", "link": "https://github.com/acme/app/issues/9"}""".formatted(to, message));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(slack.url(""));
        return created.json();
    }

    private JsonNode current(JsonNode nudge) {
        return http.get("/api/nudges/" + nudge.get("id").asString()).json();
    }

    @Test
    void nudgeGoesToThePersonsOwnWebhookWithTheIssueLink() {
        JsonNode sent = nudge("owner:alice", "Please look at PROJ-9");

        assertThat(sent.get("status").asString()).isEqualTo("sent");
        assertThat(sent.get("channel").asString()).isEqualTo("slack:owner:alice");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("sent_at").isNull()).isFalse();
        assertThat(slack.received("/alice")).extracting(SlackStandIn.Received::text)
                .contains("Please look at PROJ-9\nhttps://github.com/acme/app/issues/9");
    }

    @Test
    void targetWithoutItsOwnChannelGoesToTheDefaultWebhook() {
        JsonNode sent = nudge("owner:zed", "Default channel https://github.com/acme/app/issues/9");

        assertThat(sent.get("status").asString()).isEqualTo("sent");
        assertThat(sent.get("channel").asString()).isEqualTo("slack:default");
        // the link is already in the message, so it is not repeated
        assertThat(slack.received("/default")).extracting(SlackStandIn.Received::text)
                .contains("Default channel https://github.com/acme/app/issues/9");
    }

    @Test
    void serverErrorIsRetriedInTheBackgroundUntilSent() {
        slack.plan("/flaky", new Answer(500, "internal_error", null));

        JsonNode pending = nudge("team:flaky", "Retry me");

        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("reason").asString()).contains("Slack answered 500");
        await(10, () -> current(pending).get("status").asString().equals("sent"), "the retried delivery");
        JsonNode sent = current(pending);
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(sent.get("reason").isNull()).isTrue();
        assertThat(slack.received("/flaky")).hasSize(2);
    }

    @Test
    void rateLimitedDeliveryWaitsForRetryAfter() {
        slack.plan("/busy", new Answer(429, "rate_limited", "1"));

        JsonNode pending = nudge("owner:busy", "Later please");

        assertThat(pending.get("status").asString()).isEqualTo("pending");
        await(10, () -> current(pending).get("status").asString().equals("sent"), "the delivery after Retry-After");
        List<SlackStandIn.Received> requests = slack.received("/busy");
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void permanentRefusalFailsAtOnceWithTheReason() throws InterruptedException {
        slack.always("/gone", new Answer(404, "no_service", null));

        JsonNode failed = nudge("owner:gone", "Nobody home");

        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("reason").asString()).isEqualTo("Slack answered 404: no_service");
        Thread.sleep(500);
        assertThat(slack.received("/gone")).hasSize(1);
        assertThat(current(failed).get("status").asString()).isEqualTo("failed");
    }

    @Test
    void deliveryThatKeepsFailingGivesUpAfterTheLastAttempt() {
        slack.always("/down", new Answer(503, "unavailable", null));

        JsonNode pending = nudge("owner:down", "Anyone?");

        await(10, () -> current(pending).get("status").asString().equals("failed"), "giving up");
        assertThat(current(pending).get("reason").asString()).startsWith("gave up after 3 attempts: Slack answered 503");
        assertThat(slack.received("/down")).hasSize(3);
    }

    @Test
    void nudgesAreListedByTargetAndStatus() {
        String mine = nudge("owner:alice", "List me").get("id").asString();
        nudge("owner:zed", "Not alice");

        List<JsonNode> listed = list("/api/nudges?to=owner:alice&status=sent");
        assertThat(listed).extracting(n -> n.get("to").asString()).containsOnly("owner:alice");
        assertThat(listed).extracting(n -> n.get("id").asString()).contains(mine);
        assertThat(http.get("/api/nudges?status=lost").status()).isEqualTo(400);
    }

    private List<JsonNode> list(String path) {
        Response response = http.get(path);
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }
}
