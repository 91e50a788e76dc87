package dev.breakdown.calendar.ics;

import dev.breakdown.calendar.CalendarProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders a meeting as an RFC 5545 iCalendar object (one VEVENT, UTC times, CRLF lines folded at 75 octets). */
@Component
public class IcsCalendar {

    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_LINE_OCTETS = 75;

    private final String uidDomain;

    public IcsCalendar(CalendarProperties properties) {
        this.uidDomain = properties.uidDomain();
    }

    /** The fields of a meeting that its calendar entry shows. */
    public record Event(String id, String title, List<String> participants, Instant startAt, int durationMin,
                       Instant createdAt) {
    }

    public String render(Event event) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Breakdown//calendar-service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + event.id() + "@" + uidDomain);
        line(ics, "DTSTAMP:" + UTC_DATE_TIME.format(event.createdAt()));
        line(ics, "DTSTART:" + UTC_DATE_TIME.format(event.startAt()));
        line(ics, "DTEND:" + UTC_DATE_TIME.format(event.startAt().plusSeconds(event.durationMin() * 60L)));
        line(ics, "SUMMARY:" + escapeText(event.title()));
        line(ics, "STATUS:CONFIRMED");
        for (String participant : event.participants()) {
            line(ics, "ATTENDEE;CN=" + quoteParam(participant) + ";ROLE=REQ-PARTICIPANT:" + calAddress(participant));
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
    static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> {
                    if (!Character.isISOControl(c) || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Parameter values are always quoted; a quoted-string may hold neither DQUOTE nor control characters. */
    static String quoteParam(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.chars().filter(c -> c != '"' && !Character.isISOControl(c)).forEach(c -> out.append((char) c));
        return out.append('"').toString();
    }

    /** ATTENDEE needs a URI: e-mail addresses become mailto:, anything else (owner:alice, team:triage) a URN. */
    static String calAddress(String participant) {
        String p = participant.strip();
        if (p.matches("[^@\\s:]+@[^@\\s:]+\\.[^@\\s:]+")) {
            return "mailto:" + percentEncode(p);
        }
        return "urn:breakdown:" + percentEncode(p);
    }

    private static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:@+".indexOf(c) >= 0;
            out.append(safe ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1). */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_LINE_OCTETS) {
                ics.append(CRLF).append(' ');
                octets = 1;
            }
            ics.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        ics.append(CRLF);
    }
}
