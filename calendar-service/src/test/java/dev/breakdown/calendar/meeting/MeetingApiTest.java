package dev.breakdown.calendar.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.Http;
import dev.breakdown.calendar.ServiceApiTest;
import dev.breakdown.calendar.Http.Response;
import dev.breakdown.calendar.PostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import dev.breakdown.calendar.Ics;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The meetings API over HTTP, against a real PostgreSQL database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MeetingApiTest extends ServiceApiTest {

    @RegisterExtension
    static final PostgresDatabase database = new PostgresDatabase("meetings");

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database.register(registry);
    }

    @Autowired
    JdbcClient jdbc;

    /** Each title its own hour, so meetings of different tests never collide for the same people. */
    private static String unblocker(String title) {
        return """
                {"title": "%s", "participants": ["Bob Builder", "owner:alice", "carol@example.com"],
                 "start_at": "%s", "duration_min": 30}
                """.formatted(title, startFor(title));
    }

    private static Instant startFor(String title) {
        return Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofHours(Math.floorMod(title.hashCode(), 100_000)));
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM meetings WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }

    private List<String> listedIds() {
        Response list = http.get("/api/meetings?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        return StreamSupport.stream(list.json().spliterator(), false).map(m -> m.get("id").asString()).toList();
    }

    @Test
    void scheduledMeetingIsRetrievableByIdAndListedWithItsIcs() {
        Response created = http.postJson("/api/meetings", unblocker("Unblock: PROJ-789, billing; exports"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode meeting = created.json();
        String id = meeting.get("id").asString();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/meetings/" + id));
        assertThat(meeting.get("title").asString()).isEqualTo("Unblock: PROJ-789, billing; exports");
        assertThat(meeting.get("participants").toString()).isEqualTo("[\"Bob Builder\",\"owner:alice\",\"carol@example.com\"]");
        assertThat(meeting.get("start_at").asString()).isEqualTo(startFor("Unblock: PROJ-789, billing; exports").toString());
        assertThat(meeting.get("duration_min").asInt()).isEqualTo(30);
        assertThat(meeting.get("status").asString()).isEqualTo("scheduled");
        assertThat(meeting.get("created_at").asString()).isNotBlank();

        assertThat(meeting.get("attendees").toString()).contains("\"alice\"", "\"Bob Builder\"", "\"carol@example.com\"");
        assertThat(meeting.get("sequence").asInt()).isZero();
        assertThat(meeting.get("scheduling").get("requested_start").asString()).isEqualTo(meeting.get("start_at").asString());
        assertThat(meeting.get("scheduling").get("reason").asString()).startsWith("the requested start");
        assertThat(meeting.get("ics").asString()).isEqualTo("http://localhost:7300/api/meetings/" + id + ".ics");

        Response fetched = http.get("/api/meetings/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(meeting);

        Response calendar = http.get("/api/meetings/" + id + ".ics");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.contentType()).startsWith("text/calendar");
        VEvent event = Ics.onlyEvent(calendar.body());
        assertThat(Ics.value(event, "UID")).isEqualTo(id + "@breakdown.local");
        assertThat(Ics.value(event, "SUMMARY")).isEqualTo("Unblock: PROJ-789, billing; exports");
        assertThat(Ics.value(event, "DTSTART")).isEqualTo(Ics.utc(meeting.get("start_at").asString()));
        assertThat(Ics.values(event, "ATTENDEE")).contains("mailto:carol@example.com", "urn:breakdown:person:alice",
                "urn:breakdown:person:Bob%20Builder");

        assertThat(listedIds()).contains(id);
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        Response docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/meetings", "/api/meetings/{id}",
                "/api/meetings/{id}.ics", "/api/meetings/{id}/cancel", "/api/meetings/{id}/reschedule", "/api/nudges",
                "/api/nudges/{id}", "/api/calendars/{person}.ics", "/api/calendars/team/{team}.ics");
    }

    @Test
    void listShowsNewestFirstAndHonoursLimit() {
        String older = http.postJson("/api/meetings", unblocker("older")).json().get("id").asString();
        String newer = http.postJson("/api/meetings", unblocker("newer")).json().get("id").asString();

        List<String> ids = listedIds();
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        Response one = http.get("/api/meetings?limit=1");
        assertThat(one.json().size()).isEqualTo(1);
        assertThat(one.json().get(0).get("id").asString()).isEqualTo(newer);
    }

    @Test
    void meetingWithoutStartOrDurationStartsAtTheNextQuarterHourForFifteenMinutes() {
        Instant before = Instant.now();
        Response created = http.postJson("/api/meetings", "{\"title\": \"Quick sync\", \"participants\": [\"team:triage\"]}");

        assertThat(created.status()).isEqualTo(201);
        Instant start = Instant.parse(created.json().get("start_at").asString());
        assertThat(start.getEpochSecond() % (15 * 60)).isZero();
        assertThat(start).isAfter(before).isBefore(before.plus(Duration.ofMinutes(15)).plusSeconds(5));
        assertThat(created.json().get("duration_min").asInt()).isEqualTo(15);
        assertThat(created.json().get("scheduling").get("requested_start").isNull()).isTrue();
    }

    @Test
    void sameIdempotencyKeyTwiceYieldsOneMeeting() {
        String key = "act-" + UUID.randomUUID();

        Response first = http.postJson("/api/meetings", unblocker("Unblock PROJ-1"), key);
        Response second = http.postJson("/api/meetings", unblocker("Unblock PROJ-1"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).hasValue("true");
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(rowsWithKey(key)).isEqualTo(1);
        String id = first.json().get("id").asString();
        assertThat(listedIds()).containsOnlyOnce(id);
    }

    @Test
    void sameIdempotencyKeyWithoutStartStillReplaysTheFirstMeeting() {
        String key = "act-" + UUID.randomUUID();
        String body = "{\"title\": \"Sync\", \"participants\": [\"team:triage\"]}";

        Response first = http.postJson("/api/meetings", body, key);
        Response second = http.postJson("/api/meetings", body, key);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("start_at")).isEqualTo(first.json().get("start_at"));
    }

    @Test
    void sameIdempotencyKeyWithADifferentBodyIsRejected() {
        String key = "act-" + UUID.randomUUID();
        String id = http.postJson("/api/meetings", unblocker("one"), key).json().get("id").asString();

        Response conflict = http.postJson("/api/meetings", unblocker("another"), key);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asString()).isEqualTo("idempotency_key_reused");
        assertThat(conflict.json().get("detail").asString()).contains(key).contains(id);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void postsWithoutIdempotencyKeyEachCreateAMeeting() {
        String first = http.postJson("/api/meetings", unblocker("twice")).json().get("id").asString();
        String second = http.postJson("/api/meetings", unblocker("twice")).json().get("id").asString();

        assertThat(first).isNotEqualTo(second);
        assertThat(listedIds()).contains(first, second);
    }

    @Test
    void concurrentPostsWithTheSameKeyYieldOneMeeting() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "race-" + UUID.randomUUID();

            List<Response> responses = Http.concurrently(8,
                    () -> http.postJson("/api/meetings", unblocker("Race"), key));

            assertThat(responses).extracting(Response::status).containsOnly(201, 200);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).extracting(r -> r.json().get("id").asString()).containsOnly(
                    responses.get(0).json().get("id").asString());
            assertThat(rowsWithKey(key)).isEqualTo(1);
        }
    }

    @Test
    void unknownMeetingIsNotFound() {
        Response missing = http.get("/api/meetings/does-not-exist");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("error").asString()).isEqualTo("not_found");
        assertThat(missing.json().get("detail").asString()).contains("does-not-exist");

        assertThat(http.get("/api/meetings/does-not-exist.ics").status()).isEqualTo(404);
        assertThat(http.get("/api/meetings/" + "x".repeat(300)).status()).isEqualTo(404);
    }

    @Test
    void missingTitleIsRejectedNamingTheField() {
        assertRejected("{\"participants\": [\"a\"]}", "missing_field", "title");
        assertRejected("{\"title\": \"  \", \"participants\": [\"a\"]}", "missing_field", "title");
    }

    @Test
    void missingOrEmptyParticipantsAreRejectedNamingTheField() {
        assertRejected("{\"title\": \"t\"}", "missing_field", "participants");
        assertRejected("{\"title\": \"t\", \"participants\": []}", "missing_field", "participants");
        assertRejected("{\"title\": \"t\", \"participants\": [\"a\", \"\"]}", "missing_field", "participants[1]");
        assertRejected("{\"title\": \"t\", \"participants\": \"alice\"}", "invalid_field", "participants");
    }

    @Test
    void durationOutsideOneToFourHundredEightyMinutesIsRejected() {
        assertRejected("{\"title\": \"t\", \"participants\": [\"a\"], \"duration_min\": 0}", "invalid_field", "duration_min");
        assertRejected("{\"title\": \"t\", \"participants\": [\"a\"], \"duration_min\": 481}", "invalid_field", "duration_min");
        assertRejected("{\"title\": \"t\", \"participants\": [\"a\"], \"duration_min\": \"long\"}", "invalid_field", "duration_min");
        assertThat(http.postJson("/api/meetings", "{\"title\": \"t\", \"participants\": [\"a\"], \"duration_min\": 480}")
                .status()).isEqualTo(201);
    }

    @Test
    void unreadableStartIsRejectedNamingTheField() {
        assertRejected("{\"title\": \"t\", \"participants\": [\"a\"], \"start_at\": \"tomorrow\"}", "invalid_field", "start_at");
        assertRejected("{\"title\": \"t\", \"participants\": [\"a\"], \"start_at\": \"+20000-01-01T00:00:00Z\"}",
                "invalid_field", "start_at");
    }

    @Test
    void malformedJsonIsRejected() {
        assertRejected("{\"title\": ", "malformed_json", "not valid JSON");
        assertRejected("", "malformed_json", "missing");
    }

    @Test
    void nonJsonBodyIsUnsupported() {
        Response response = http.post("/api/meetings", "text/plain", "title=x", null);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("error").asString()).isEqualTo("unsupported_media_type");
    }

    @Test
    void badListLimitIsRejected() {
        assertThat(http.get("/api/meetings?limit=0").status()).isEqualTo(400);
        assertThat(http.get("/api/meetings?limit=1001").status()).isEqualTo(400);
        Response words = http.get("/api/meetings?limit=many");
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.json().get("detail").asString()).contains("limit");
    }

    @Test
    void blankIdempotencyKeyIsRejected() {
        Response response = http.postJson("/api/meetings", unblocker("t"), " ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "null", "[]", "[1,2]", "\"text\"", "42", "{}", "{\"title\": null, \"participants\": null}",
            "{\"title\": \"t\", \"participants\": [null]}", "{\"title\": \"t\", \"participants\": [{}]}",
            "{\"title\": \"t\\u0000\", \"participants\": [\"a\"]}",
            "{\"title\": \"t\", \"participants\": [\"a\"], \"duration_min\": 99999999999}",
            "{\"title\": \"t\", \"participants\": [\"a\"], \"duration_min\": -5}",
            "{\"title\": \"t\", \"participants\": [\"a\"], \"start_at\": \"1900-01-01T00:00:00Z\"}",
            "{\"title\": \"t\", \"participants\": [\"a\"], \"start_at\": 1e300}",
            "{\"title\": {\"nested\": true}, \"participants\": [\"a\"]}",
    })
    void oddBodiesAreClientErrorsWithAJsonMessage(String body) {
        Response response = http.postJson("/api/meetings", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void overlongTitleIsRejected() {
        assertRejected("{\"title\": \"" + "x".repeat(501) + "\", \"participants\": [\"a\"]}", "invalid_field", "title");
    }

    private void assertRejected(String body, String error, String mentioned) {
        Response response = http.postJson("/api/meetings", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("error").asString()).as(response.toString()).isEqualTo(error);
        assertThat(response.json().get("detail").asString()).contains(mentioned);
    }
}
