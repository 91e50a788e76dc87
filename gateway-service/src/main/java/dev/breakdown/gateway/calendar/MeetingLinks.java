package dev.breakdown.gateway.calendar;

import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.gateway.GatewayProperties;
import dev.breakdown.gateway.writeback.WritebackProperties;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The sentence an unblocker comment carries: the meeting's time and its ICS link, on calendar-service's public
 * address (CALENDAR_PUBLIC_URL; without it, the base of CALENDAR_API_BASE).
 */
@Component
public class MeetingLinks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String calendarBase;

    public MeetingLinks(GatewayProperties gateway, WritebackProperties writeback) {
        String base = writeback.calendarPublicUrl() != null ? writeback.calendarPublicUrl()
                : gateway.calendarApiBaseUri().toString().replaceAll("/+$", "").replaceAll("/api$", "");
        this.calendarBase = base.replaceAll("/+$", "");
    }

    public String icsUrl(Meeting meeting) {
        return calendarBase + "/api/meetings/" + meeting.id() + ".ics";
    }

    public String announcement(Meeting meeting) {
        String when = meeting.startAt() == null ? "at a time calendar-service will announce"
                : TIME.format(meeting.startAt());
        return "Unblocker meeting \"" + meeting.title() + "\" (" + meeting.durationMin() + " min) on " + when
                + ". Calendar: " + icsUrl(meeting);
    }
}
