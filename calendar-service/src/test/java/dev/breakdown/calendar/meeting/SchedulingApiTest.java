package dev.breakdown.calendar.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.CalendarApplication;
import dev.breakdown.calendar.FixedClock;
import dev.breakdown.calendar.Http;
import dev.breakdown.calendar.ServiceApiTest;
import dev.breakdown.calendar.Http.Response;
import dev.breakdown.calendar.Ics;
import dev.breakdown.calendar.TeamsFile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Slot finding, rescheduling, cancelling and listing through the HTTP API, with "now" fixed at Sunday 2030-01-06
 * 12:00 UTC. In January, New York 08:00-17:00 is 13:00-22:00 UTC, Berlin 09:00-18:00 is 08:00-17:00 UTC and
 * Kolkata 09:30-19:30 is 04:00-14:00 UTC: the three share 13:00-14:00 UTC. Each test has its own people.
 * Run on PostgreSQL and on the embedded H2 file database by the subclasses.
 */
@SpringBootTest(classes = {CalendarApplication.class, FixedClock.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class SchedulingApiTest extends ServiceApiTest {

    private static final String TEAMS = """
            defaults: {zone: UTC, hours: "09:00-17:00", days: mon-fri}
            people:
              a1: {zone: America/New_York, hours: "08:00-17:00"}
              b1: {zone: Europe/Berlin, hours: "09:00-18:00"}
              c1: {zone: Asia/Kolkata, hours: "09:30-19:30"}
              b2: {zone: Europe/Berlin, hours: "09:00-18:00"}
              a3: {zone: America/New_York, hours: "08:00-17:00"}
              d3:
                zone: Europe/Berlin
                hours: "09:00-18:00"
                out_of_office: [{from: 2030-01-07, to: 2030-01-08}]
              e4: {zone: America/New_York, hours: "08:00-17:00"}
              f4: {zone: Europe/Berlin, hours: "09:00-18:00"}
              g4: {zone: Asia/Kolkata, hours: "09:30-19:30"}
              a5: {zone: America/New_York, hours: "08:00-17:00"}
              c5: {zone: Asia/Kolkata, hours: "09:30-19:30"}
              b6: {zone: Europe/Berlin, hours: "09:00-18:00"}
              b7: {zone: Europe/Berlin, hours: "09:00-18:00"}
              b8: {zone: Europe/Berlin, hours: "09:00-18:00"}
              b9: {zone: Europe/Berlin, hours: "09:00-18:00"}
            teams:
              apac1: {members: [c1]}
              apac4: {members: [g4]}
            """;

    static void directory(DynamicPropertyRegistry registry) {
        String file = TeamsFile.write(TEAMS).toString();
        registry.add("breakdown.teams-file", () -> file);
    }

    private Response book(String participants, String startAt, int minutes) {
        String start = startAt == null ? "" : ", \"start_at\": \"" + startAt + "\"";
        return http.postJson("/api/meetings", "{\"title\": \"Sync\", \"participants\": " + participants
                + ", \"duration_min\": " + minutes + start + "}");
    }

    private static Instant start(Response r) {
        return Instant.parse(r.json().get("start_at").asString());
    }

    private static LocalTime local(Instant at, String zone) {
        return at.atZone(ZoneId.of(zone)).toLocalTime();
    }

    @Test
    void firstSlotInEveryonesHoursAcrossThreeZonesSkipsABusyParticipant() {
        Response busy = book("[\"b1\"]", "2030-01-07T13:00:00Z", 30);
        assertThat(busy.status()).as(busy.toString()).isEqualTo(201);

        Response meeting = book("[\"a1\", \"owner:b1\", \"team:apac1\"]", null, 30);

        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        Instant at = start(meeting);
        assertThat(at).isEqualTo("2030-01-07T13:30:00Z");
        assertThat(local(at, "America/New_York")).isEqualTo("08:30");
        assertThat(local(at, "Europe/Berlin")).isEqualTo("14:30");
        assertThat(local(at, "Asia/Kolkata")).isEqualTo("19:00");
        assertThat(meeting.json().get("attendees").toString()).isEqualTo("[\"a1\",\"b1\",\"c1\"]");
        JsonNode scheduling = meeting.json().get("scheduling");
        assertThat(scheduling.get("requested_start").isNull()).isTrue();
        assertThat(scheduling.get("reason").asString()).contains("no start requested", "a1 08:00-17:00 America/New_York",
                "c1 09:30-19:30 Asia/Kolkata");
    }

    @Test
    void requestedStartThatClashesMovesToTheNextFreeSlotAndSaysWhy() {
        String first = book("[\"b2\"]", "2030-01-07T09:00:00Z", 60).json().get("id").asString();

        Response moved = book("[\"b2\"]", "2030-01-07T09:30:00Z", 30);

        assertThat(moved.status()).isEqualTo(201);
        assertThat(start(moved)).isEqualTo("2030-01-07T10:00:00Z");
        JsonNode scheduling = moved.json().get("scheduling");
        assertThat(scheduling.get("requested_start").asString()).isEqualTo("2030-01-07T09:30:00Z");
        assertThat(scheduling.get("reason").asString()).contains("clashes", "b2 has meeting " + first);
    }

    @Test
    void clashBeyondTheHorizonFromNowStillSeesTheMeetingsThere() {
        book("[\"b8\"]", "2030-03-04T09:00:00Z", 60);

        Response moved = book("[\"b8\"]", "2030-03-04T08:30:00Z", 60);

        assertThat(start(moved)).isEqualTo("2030-03-04T10:00:00Z");
    }

    @Test
    void clashInThePastMovesTheMeetingToTheFirstFreeSlotFromNow() {
        book("[\"b9\"]", "2029-12-31T09:00:00Z", 30);

        Response moved = book("[\"b9\"]", "2029-12-31T09:00:00Z", 30);

        assertThat(start(moved)).isEqualTo("2030-01-07T08:00:00Z");
        assertThat(moved.json().get("scheduling").get("requested_start").asString()).isEqualTo("2029-12-31T09:00:00Z");
    }

    @Test
    void outOfOfficeParticipantPushesTheMeetingPastTheAbsence() {
        Response meeting = book("[\"a3\", \"d3\"]", null, 30);
        assertThat(start(meeting)).isEqualTo("2030-01-09T13:00:00Z");

        Response requested = book("[\"a3\", \"d3\"]", "2030-01-08T14:00:00Z", 30);
        assertThat(start(requested)).isEqualTo("2030-01-09T13:30:00Z");
        assertThat(requested.json().get("scheduling").get("reason").asString()).contains("d3 is out of office");
    }

    @Test
    void noSlotWithinTheHorizonIsAConflictWithTheReason() {
        Response refused = book("[\"a5\", \"c5\"]", null, 120);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("error").asString()).isEqualTo("no_slot");
        assertThat(refused.json().get("detail").asString()).contains("No 120-minute slot", "a5", "c5");
    }

    @Test
    void twentyConcurrentRequestsForTheSamePeopleNeverDoubleBook() throws Exception {
        List<Response> answers = Http.concurrently(20, () -> book("[\"e4\", \"f4\", \"team:apac4\"]", null, 15));

        assertThat(answers).extracting(Response::status).containsOnly(201);
        List<Instant> starts = answers.stream().map(SchedulingApiTest::start).sorted().toList();
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("gap after %s", starts.get(i - 1))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(15));
        }
        for (Instant at : starts) {
            assertThat(local(at, "UTC")).isBetween(LocalTime.of(13, 0), LocalTime.of(13, 45));
        }
        assertThat(http.get("/api/meetings?participant=e4&limit=100").json().size()).isEqualTo(20);
    }

    @Test
    void unknownTeamIsRejectedNamingTheParticipant() {
        Response refused = book("[\"a1\", \"team:nobody\"]", null, 15);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("participants[1]", "nobody");
    }

    @Test
    void rescheduleMovesTheMeetingAndBumpsTheSequence() {
        String id = book("[\"b6\"]", "2030-01-07T09:00:00Z", 30).json().get("id").asString();

        Response moved = http.postJson("/api/meetings/" + id + "/reschedule", "{\"start_at\": \"2030-01-08T10:00:00Z\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(start(moved)).isEqualTo("2030-01-08T10:00:00Z");
        assertThat(moved.json().get("sequence").asInt()).isEqualTo(1);

        Response again = http.postJson("/api/meetings/" + id + "/reschedule", "{\"duration_min\": 45}");
        assertThat(start(again)).isEqualTo("2030-01-07T08:00:00Z");
        assertThat(again.json().get("duration_min").asInt()).isEqualTo(45);
        assertThat(again.json().get("sequence").asInt()).isEqualTo(2);

        var event = Ics.onlyEvent(http.get("/api/meetings/" + id + ".ics").body());
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("2");
        assertThat(Ics.value(event, "DTSTART")).isEqualTo("20300107T080000Z");
        assertThat(Ics.value(event, "DTEND")).isEqualTo("20300107T084500Z");
    }

    @Test
    void cancelFreesTheSlotAndIsIdempotent() {
        String id = book("[\"b7\"]", "2030-01-07T09:00:00Z", 30).json().get("id").asString();

        Response cancelled = http.postJson("/api/meetings/" + id + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("sequence").asInt()).isEqualTo(1);
        assertThat(http.delete("/api/meetings/" + id).json().get("sequence").asInt()).isEqualTo(1);
        assertThat(Ics.value(Ics.onlyEvent(http.get("/api/meetings/" + id + ".ics").body()), "STATUS")).isEqualTo("CANCELLED");

        assertThat(start(book("[\"b7\"]", "2030-01-07T09:00:00Z", 30))).isEqualTo("2030-01-07T09:00:00Z");
        Response reschedule = http.postJson("/api/meetings/" + id + "/reschedule", "{}");
        assertThat(reschedule.status()).isEqualTo(409);
        assertThat(reschedule.json().get("error").asString()).isEqualTo("meeting_cancelled");
        assertThat(http.delete("/api/meetings/no-such-meeting").status()).isEqualTo(404);
    }

    @Test
    void listFiltersByParticipantTimeRangeStatusAndIssue() {
        String early = http.postJson("/api/meetings", """
                {"title": "t", "participants": ["team:apac1"], "start_at": "2030-02-04T05:00:00Z",
                 "issue": "https://github.com/acme/app/issues/8"}""").json().get("id").asString();
        String late = book("[\"c1\"]", "2030-02-05T05:00:00Z", 15).json().get("id").asString();
        http.postJson("/api/meetings/" + late + "/cancel", "");

        assertThat(ids("/api/meetings?participant=c1&from=2030-02-01T00:00:00Z")).containsExactly(early, late);
        // a team's meetings are its own and its members'
        assertThat(ids("/api/meetings?participant=team:apac1&from=2030-02-01T00:00:00Z")).containsExactly(early, late);
        assertThat(ids("/api/meetings?participant=c1&to=2030-02-04T05:00:00Z")).doesNotContain(early, late);
        assertThat(ids("/api/meetings?participant=owner:c1&from=2030-02-05T00:00:00Z&to=2030-02-06T00:00:00Z"))
                .containsExactly(late);
        assertThat(ids("/api/meetings?participant=c1&status=cancelled")).containsExactly(late);
        assertThat(ids("/api/meetings?issue=https://github.com/acme/app/issues/8")).containsExactly(early);
        assertThat(http.get("/api/meetings?status=maybe").status()).isEqualTo(400);
        assertThat(http.get("/api/meetings?from=yesterday").status()).isEqualTo(400);
    }

    private List<String> ids(String path) {
        Response list = http.get(path);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return new ArrayList<>(StreamSupport.stream(list.json().spliterator(), false).map(m -> m.get("id").asString()).toList());
    }
}
