package dev.breakdown.calendar.nudge;

import static dev.breakdown.calendar.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.CalendarApplication;
import dev.breakdown.calendar.EmbeddedDatabase;
import dev.breakdown.calendar.Http;
import dev.breakdown.calendar.Http.Response;
import dev.breakdown.calendar.SlackStandIn;
import dev.breakdown.calendar.SlackStandIn.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A delivery pending when the service stops goes out after it starts again (embedded H2 file database). */
class PendingDeliveryRestartTest {

    @RegisterExtension
    final EmbeddedDatabase database = new EmbeddedDatabase();

    private final SlackStandIn slack = new SlackStandIn();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CalendarApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--breakdown.calendar.nudges.slack-webhook-url=" + slack.url("/hook"),
                "--breakdown.calendar.nudges.retry-base=2s",
                "--breakdown.calendar.nudges.poll-interval=100ms");
    }

    @Test
    void pendingDeliveryIsSentAfterARestart() {
        slack.always("/hook", new Answer(503, "maintenance", null));
        String id;
        try (ConfigurableApplicationContext app = start()) {
            Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Response created = http.postJson("/api/nudges", "{\"to\": \"team:triage\", \"message\": \"Survive a restart\"}");
            assertThat(created.json().get("status").asString()).isEqualTo("pending");
            id = created.json().get("id").asString();
        }
        slack.always("/hook", null);
        assertThat(slack.received("/hook")).hasSize(1);

        try (ConfigurableApplicationContext app = start()) {
            Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            await(15, () -> http.get("/api/nudges/" + id).json().get("status").asString().equals("sent"),
                    "the pending delivery after the restart");
            assertThat(http.get("/api/nudges/" + id).json().get("attempts").asInt()).isEqualTo(2);
        }
        assertThat(slack.received("/hook")).extracting(SlackStandIn.Received::text)
                .containsExactly("Survive a restart", "Survive a restart");
    }
}
