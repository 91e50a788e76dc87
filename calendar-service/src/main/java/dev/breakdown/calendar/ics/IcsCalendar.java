package dev.breakdown.calendar.ics;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.meeting.StoredMeeting;
import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.TeamDirectory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.Member;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Meetings as an RFC 5545 VCALENDAR built with ical4j (escaping, UTC date-times), one VEVENT per meeting: UID,
 * DTSTAMP, DTSTART/DTEND, SEQUENCE, STATUS (CANCELLED for cancelled meetings, so subscribed calendars drop them),
 * ORGANIZER and one ATTENDEE per participant and person.
 */
@Component
public class IcsCalendar {

    public static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private static final int MAX_LINE_OCTETS = 75;

    private final String uidDomain;
    private final TeamDirectory directory;

    public IcsCalendar(CalendarProperties properties, TeamDirectory directory) {
        this.uidDomain = properties.uidDomain();
        this.directory = directory;
    }

    /** A {@code text/calendar} answer, shown inline and named like the file a calendar app would save. */
    public static ResponseEntity<String> answer(String fileName, String ics) {
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .body(ics);
    }

    /** @param name the calendar's display name (X-WR-CALNAME, which Google, Outlook and Apple show) */
    public String render(String name, List<StoredMeeting> meetings) {
        Calendar calendar = new Calendar()
                .withProdId("-//Breakdown//calendar-service//EN")
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(ImmutableMethod.PUBLISH)
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .getFluentTarget();
        for (StoredMeeting meeting : meetings) {
            calendar.add(event(meeting));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return refold(out.toString());
    }

    private VEvent event(StoredMeeting m) {
        VEvent event = new VEvent(false);
        event.add(new Uid(m.id() + "@" + uidDomain));
        event.add(new DtStamp(m.updatedAt()));
        event.add(new DtStart<>(m.startAt()));
        event.add(new DtEnd<>(m.endAt()));
        event.add(new Summary(m.title()));
        event.add(new Sequence(m.sequence()));
        event.add(m.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Created(m.createdAt()));
        event.add(new LastModified(m.updatedAt()));
        Organizer organizer = new Organizer(URI.create("mailto:calendar@" + uidDomain));
        organizer.add(new Cn("Breakdown"));
        event.add(organizer);
        if (m.issue() != null) {
            event.add(new Description(m.issue()));
            try {
                event.add(new Url(URI.create(m.issue())));
            } catch (IllegalArgumentException notAUri) {
                // the link stays in DESCRIPTION; URL must be a valid URI
            }
        }
        Set<String> listed = new HashSet<>();
        for (String participant : m.participants()) {
            if (participant.startsWith("team:")) {
                event.add(attendee(teamAddress(participant), participant, CuType.GROUP, null));
            }
        }
        for (String id : m.attendees()) {
            if (listed.add(id)) {
                Person person = directory.personOrDefault(id);
                String team = m.participants().stream().filter(p -> p.startsWith("team:"))
                        .filter(p -> directory.team(p.substring(5)).map(t -> t.members().contains(id)).orElse(false))
                        .findFirst().orElse(null);
                event.add(attendee(personAddress(person), person.name(), CuType.INDIVIDUAL,
                        team == null ? null : teamAddress(team)));
            }
        }
        return event;
    }

    private static Property attendee(URI address, String name, CuType type, URI member) {
        Attendee attendee = new Attendee(address);
        attendee.add(new Cn(name));
        attendee.add(type);
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.NEEDS_ACTION);
        if (member != null) {
            attendee.add(new Member(member.toString()));
        }
        return attendee;
    }

    /** A person's e-mail address when the directory has one (or the id is one), else a URN naming them. */
    private static URI personAddress(Person person) {
        return person.email().or(() -> Optional.of(person.id()).filter(id -> id.matches("[^@\\s:]+@[^@\\s:]+\\.[^@\\s:]+")))
                .map(mail -> URI.create("mailto:" + encode(mail)))
                .orElseGet(() -> URI.create("urn:breakdown:person:" + encode(person.id())));
    }

    private static URI teamAddress(String participant) {
        return URI.create("urn:breakdown:team:" + encode(participant.substring("team:".length())));
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~@+".indexOf(c) >= 0;
            out.append(safe ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    /** ical4j folds by characters; RFC 5545 3.1 counts octets, which matters for non-ASCII text. */
    static String refold(String ics) {
        StringBuilder out = new StringBuilder(ics.length() + 64);
        for (String line : ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
