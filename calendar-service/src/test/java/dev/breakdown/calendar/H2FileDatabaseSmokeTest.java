package dev.breakdown.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.Http.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The shipped default: an embedded H2 file database, here in a temporary directory instead of ./data/calendar. */
class H2FileDatabaseSmokeTest {

    private final Path dir = createTempDir();

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("calendar-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void deleteDatabaseFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Starts the service as a user would, with only the datasource URL changed (user sa, as in application.yml). */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CalendarApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("calendar").resolve("calendar"));
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void meetingsAndNudgesSurviveARestartAndKeysStayHonoured() {
        String key = "act-" + UUID.randomUUID();
        String meetingBody = "{\"title\": \"Unblock PROJ-789\", \"participants\": [\"Bob Builder\"], \"duration_min\": 15}";
        String nudgeBody = "{\"to\": \"team:triage\", \"message\": \"New issue needs triage\"}";
        String meetingId;
        String nudgeId;

        try (ConfigurableApplicationContext app = start()) {
            Http http = http(app);
            Response meeting = http.postJson("/api/meetings", meetingBody, key);
            Response nudge = http.postJson("/api/nudges", nudgeBody, key);
            assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
            assertThat(nudge.status()).as(nudge.toString()).isEqualTo(201);
            meetingId = meeting.json().get("id").asString();
            nudgeId = nudge.json().get("id").asString();

            assertThat(http.get("/api/meetings/" + meetingId).json().get("ics").asString()).endsWith("/api/meetings/" + meetingId + ".ics");
            assertThat(Ics.value(Ics.onlyEvent(http.get("/api/meetings/" + meetingId + ".ics").body()), "SUMMARY"))
                    .isEqualTo("Unblock PROJ-789");
            assertThat(http.get("/api/nudges/" + nudgeId).json().get("status").asString()).isEqualTo("stored");
        }
        assertThat(dir.resolve("calendar").resolve("calendar.mv.db")).isRegularFile();

        try (ConfigurableApplicationContext app = start()) {
            Http http = http(app);
            assertThat(http.get("/api/meetings/" + meetingId).status()).isEqualTo(200);

            Response replayedMeeting = http.postJson("/api/meetings", meetingBody, key);
            Response replayedNudge = http.postJson("/api/nudges", nudgeBody, key);

            assertThat(replayedMeeting.status()).isEqualTo(200);
            assertThat(replayedMeeting.header("Idempotent-Replayed")).hasValue("true");
            assertThat(replayedMeeting.json().get("id").asString()).isEqualTo(meetingId);
            assertThat(replayedNudge.status()).isEqualTo(200);
            assertThat(replayedNudge.json().get("id").asString()).isEqualTo(nudgeId);
            assertThat(http.get("/api/meetings").json().size()).isEqualTo(1);
            assertThat(http.get("/api/nudges").json().size()).isEqualTo(1);
            assertThat(http.get("/api/meetings/" + "x".repeat(300)).status()).isEqualTo(404);
            assertThat(http.get("/api/nudges/" + "x".repeat(300)).status()).isEqualTo(404);
        }
    }

    @Test
    void concurrentPostsWithTheSameKeyYieldOneMeetingOnH2() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            Http http = http(app);
            String key = "race-" + UUID.randomUUID();

            List<Response> responses = Http.concurrently(8, () -> http.postJson("/api/meetings",
                    "{\"title\": \"Race\", \"participants\": [\"a\"]}", key));

            assertThat(responses).extracting(Response::status).containsOnly(201, 200);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(http.get("/api/meetings").json().size()).isEqualTo(1);
        }
    }
}
