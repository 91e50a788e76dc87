package dev.breakdown.calendar.ics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.Ics;
import dev.breakdown.calendar.meeting.StoredMeeting;
import dev.breakdown.platform.directory.TeamDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Our VCALENDAR text, read back with ical4j's parser. */
class IcsCalendarTest {

    private static final TeamDirectory DIRECTORY = TeamDirectory.read("""
            people:
              alice: {name: Alice Liddell, email: alice@example.com, zone: Europe/Berlin}
            teams:
              triage: {members: [dana]}
            """, "test directory");

    private final IcsCalendar calendar = new IcsCalendar(new CalendarProperties(15, "breakdown.example",
            "http://localhost:7300", null, new CalendarProperties.Scheduling(14),
            new CalendarProperties.Nudges(null, Duration.ofSeconds(2), Duration.ofMinutes(10), 10, Duration.ofSeconds(1),
                    Duration.ofSeconds(10))), DIRECTORY);

    private static StoredMeeting meeting(String id, String title, String status, int sequence) {
        return new StoredMeeting(id, title, List.of("owner:alice", "team:triage"), List.of("alice", "dana"),
                Instant.parse("2025-10-21T23:50:00Z"), 15, status, sequence, "https://github.com/acme/app/issues/7",
                null, "why", Instant.parse("2025-10-20T12:00:00.123Z"), Instant.parse("2025-10-20T13:00:00Z"));
    }

    @Test
    void titleWithCommasSemicolonsNewlinesAndNonAsciiSurvivesTheRoundTrip() {
        String title = "Unblock: PROJ-789, billing; exports\nsecond line \\ Grüße, 日本語 ✓ " + "ü".repeat(60);

        String text = calendar.render("Breakdown", List.of(meeting("m-1", title, StoredMeeting.SCHEDULED, 0)));

        VEvent event = Ics.onlyEvent(text);
        assertThat(Ics.value(event, "SUMMARY")).isEqualTo(title);
        assertThat(text).contains("PROJ-789\\, billing\\; exports\\nsecond line \\\\ Gr");
    }

    @Test
    void eventCarriesUidTimesSequenceStatusOrganizerAndAttendees() {
        VEvent event = Ics.onlyEvent(calendar.render("Breakdown", List.of(meeting("m-1", "Sync", StoredMeeting.SCHEDULED, 2))));

        assertThat(Ics.value(event, "UID")).isEqualTo("m-1@breakdown.example");
        assertThat(Ics.value(event, "DTSTART")).isEqualTo("20251021T235000Z");
        assertThat(Ics.value(event, "DTEND")).isEqualTo("20251022T000500Z");
        assertThat(Ics.value(event, "DTSTAMP")).isEqualTo("20251020T130000Z");
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("2");
        assertThat(Ics.value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(Ics.value(event, "ORGANIZER")).isEqualTo("mailto:calendar@breakdown.example");
        assertThat(Ics.value(event, "URL")).isEqualTo("https://github.com/acme/app/issues/7");
        assertThat(Ics.values(event, "ATTENDEE")).containsExactly("urn:breakdown:team:triage", "mailto:alice@example.com",
                "urn:breakdown:person:dana");
        assertThat(event.getProperties("ATTENDEE").get(1).toString()).contains("CN=Alice Liddell");
        assertThat(event.getProperties("ATTENDEE").get(2).toString()).contains("MEMBER=\"urn:breakdown:team:triage\"");
    }

    @Test
    void cancelledMeetingSaysSo() {
        VEvent event = Ics.onlyEvent(calendar.render("Breakdown", List.of(meeting("m-1", "Sync", StoredMeeting.CANCELLED, 1))));

        assertThat(Ics.value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("1");
    }

    @Test
    void longLinesAreFoldedByOctets() {
        assertThat(IcsCalendar.refold("SUMMARY:" + "ü".repeat(40) + "\r\n"))
                .isEqualTo("SUMMARY:" + "ü".repeat(33) + "\r\n " + "ü".repeat(7) + "\r\n");
    }
}
