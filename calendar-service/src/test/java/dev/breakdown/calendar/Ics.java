package dev.breakdown.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Reads our iCalendar output back with ical4j's parser, as a calendar app would, after checking the raw framing. */
public final class Ics {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {
    }

    /** Parses the text; first asserts RFC 5545 framing: CRLF only, no physical line over 75 octets. */
    public static Calendar parse(String text) {
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of line '%s'", line).isLessThanOrEqualTo(75);
        }
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (Exception e) {
            throw new AssertionError("ical4j cannot parse our calendar: " + e + "\n" + text, e);
        }
    }

    public static List<VEvent> events(String text) {
        return parse(text).getComponents("VEVENT");
    }

    public static VEvent onlyEvent(String text) {
        List<VEvent> events = events(text);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    public static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    public static List<String> values(VEvent event, String property) {
        return event.getProperties(property).stream().map(p -> ((Property) p).getValue()).toList();
    }

    public static VEvent withUid(List<VEvent> events, String meetingId) {
        return events.stream().filter(e -> value(e, "UID").startsWith(meetingId + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("no VEVENT for meeting " + meetingId));
    }

    /** An ISO instant as an iCalendar UTC date-time. */
    public static String utc(String isoInstant) {
        return UTC.format(Instant.parse(isoInstant));
    }
}
