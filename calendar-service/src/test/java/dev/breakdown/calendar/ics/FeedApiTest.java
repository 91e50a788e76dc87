package dev.breakdown.calendar.ics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.Http;
import dev.breakdown.calendar.ServiceApiTest;
import dev.breakdown.calendar.Http.Response;
import dev.breakdown.calendar.Ics;
import dev.breakdown.calendar.PostgresDatabase;
import dev.breakdown.calendar.TeamsFile;
import dev.breakdown.contracts.Json;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Subscribable calendars of a person and a team, behind a feed token, read back with ical4j; on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class FeedApiTest extends ServiceApiTest {

    private static final String TOKEN = "feed-token-0123456789abcdef";

    @RegisterExtension
    static final PostgresDatabase database = new PostgresDatabase("feeds");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        database.register(registry);
        String teams = TeamsFile.write("""
                people:
                  alice: {name: Alice Liddell, email: alice@example.com, zone: Europe/Berlin}
                  dana: {zone: America/New_York}
                teams:
                  triage: {members: [dana]}
                """).toString();
        registry.add("breakdown.teams-file", () -> teams);
        registry.add("breakdown.calendar.feed-token", () -> TOKEN);
        registry.add("breakdown.calendar.public-url", () -> "https://calendar.example.com/");
    }

    private String meeting(String title, List<String> participants, String start) {
        Response created = http.postJson("/api/meetings", Json.mapper().writeValueAsString(
                Map.of("title", title, "participants", participants, "start_at", start)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void personAndTeamFeedsHoldTheirMeetingsIncludingCancelledOnes() {
        String title = "Unblock: PROJ-789, billing; exports\nsee the issue — Grüße 日本語";
        String alices = meeting(title, List.of("owner:alice"), "2030-03-04T10:00:00Z");
        String triage = meeting("Triage sync", List.of("team:triage"), "2030-03-04T15:00:00Z");
        String other = meeting("Someone else's", List.of("owner:bob"), "2030-03-04T10:00:00Z");
        assertThat(http.postJson("/api/meetings/" + triage + "/cancel", "").status()).isEqualTo(200);

        Response alice = http.get("/api/calendars/alice.ics?token=" + TOKEN);
        assertThat(alice.status()).as(alice.toString()).isEqualTo(200);
        assertThat(alice.contentType()).startsWith("text/calendar");
        assertThat(Ics.parse(alice.body()).getProperty("X-WR-CALNAME").map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()))
                .hasValue("Breakdown: Alice Liddell");
        List<VEvent> aliceEvents = Ics.events(alice.body());
        assertThat(aliceEvents).extracting(e -> Ics.value(e, "UID")).contains(alices + "@breakdown.local")
                .doesNotContain(triage + "@breakdown.local", other + "@breakdown.local");
        VEvent event = Ics.withUid(aliceEvents, alices);
        assertThat(Ics.value(event, "SUMMARY")).isEqualTo(title);
        assertThat(Ics.values(event, "ATTENDEE")).containsExactly("mailto:alice@example.com");
        assertThat(Ics.value(event, "STATUS")).isEqualTo("CONFIRMED");

        List<VEvent> teamEvents = Ics.events(http.get("/api/calendars/team/triage.ics?token=" + TOKEN).body());
        assertThat(teamEvents).hasSize(1);
        VEvent cancelled = Ics.withUid(teamEvents, triage);
        assertThat(Ics.value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Ics.value(cancelled, "SEQUENCE")).isEqualTo("1");

        List<VEvent> danaEvents = Ics.events(http.get("/api/calendars/dana.ics?token=" + TOKEN).body());
        assertThat(danaEvents).extracting(e -> Ics.value(e, "UID")).containsExactly(triage + "@breakdown.local");
        assertThat(Ics.events(http.get("/api/calendars/bob.ics?token=" + TOKEN).body()))
                .extracting(e -> Ics.value(e, "UID")).containsExactly(other + "@breakdown.local");
    }

    @Test
    void feedsNeedTheToken() {
        Response none = http.get("/api/calendars/alice.ics");
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asString()).contains("?token=");
        assertThat(http.get("/api/calendars/team/triage.ics?token=wrong").status()).isEqualTo(403);
        assertThat(http.get("/api/calendars/alice.ics?token=" + TOKEN).status()).isEqualTo(200);
    }

    @Test
    void unknownPersonOrTeamWithoutMeetingsIsNotFound() {
        assertThat(http.get("/api/calendars/nobody.ics?token=" + TOKEN).status()).isEqualTo(404);
        assertThat(http.get("/api/calendars/team/nobody.ics?token=" + TOKEN).json().get("detail").asString())
                .contains("triage");
    }

    @Test
    void meetingLinksUseThePublicAddress() {
        Response created = http.postJson("/api/meetings",
                "{\"title\": \"Link\", \"participants\": [\"owner:alice\"], \"start_at\": \"2030-03-05T10:00:00Z\"}");
        String id = created.json().get("id").asString();

        assertThat(created.json().get("ics").asString()).isEqualTo("https://calendar.example.com/api/meetings/" + id + ".ics");
        assertThat(created.header("Location")).hasValue("https://calendar.example.com/api/meetings/" + id);
    }
}
