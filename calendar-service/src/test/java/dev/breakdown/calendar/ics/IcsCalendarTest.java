package dev.breakdown.calendar.ics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.calendar.CalendarProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private final IcsCalendar calendar = new IcsCalendar(new CalendarProperties(15, "breakdown.example"));

    private String render(String title, List<String> participants) {
        return calendar.render(new IcsCalendar.Event("m-1", title, participants,
                Instant.parse("2025-10-21T23:50:00Z"), 15, Instant.parse("2025-10-20T12:00:00.123Z")));
    }

    @Test
    void eventHasUtcTimesUidAndEndAfterDuration() {
        String ics = render("Sync", List.of("owner:alice"));

        assertThat(ics).isEqualTo(String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Breakdown//calendar-service//EN",
                "CALSCALE:GREGORIAN",
                "BEGIN:VEVENT",
                "UID:m-1@breakdown.example",
                "DTSTAMP:20251020T120000Z",
                "DTSTART:20251021T235000Z",
                "DTEND:20251022T000500Z",
                "SUMMARY:Sync",
                "STATUS:CONFIRMED",
                "ATTENDEE;CN=\"owner:alice\";ROLE=REQ-PARTICIPANT:urn:breakdown:owner:alice",
                "END:VEVENT",
                "END:VCALENDAR",
                ""));
    }

    @Test
    void summaryEscapesTextSpecials() {
        assertThat(render("a\\b;c,d\ne", List.of("x"))).contains("\r\nSUMMARY:a\\\\b\\;c\\,d\\ne\r\n");
    }

    @Test
    void attendeesAreUrisWithQuotedNames() {
        String ics = render("t", List.of("Bob \"The\" Builder", "dev@example.com")).replace("\r\n ", "");

        assertThat(ics).contains("ATTENDEE;CN=\"Bob The Builder\";ROLE=REQ-PARTICIPANT:urn:breakdown:Bob%20%22The%22%20Builder\r\n");
        assertThat(ics).contains("ATTENDEE;CN=\"dev@example.com\";ROLE=REQ-PARTICIPANT:mailto:dev@example.com\r\n");
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingCharacters() {
        String title = "Überfällige Migration – " + "ä€😀".repeat(30);
        String ics = render(title, List.of("x"));

        List<String> lines = Arrays.asList(ics.split("\r\n"));
        assertThat(lines).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        // Unfolding (RFC 5545 3.1: drop CRLF followed by one space) restores the summary exactly.
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + title + "\r\n");
        assertThat(ics).doesNotContain("\uFFFD");
    }
}
