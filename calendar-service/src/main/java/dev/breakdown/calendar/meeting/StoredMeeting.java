package dev.breakdown.calendar.meeting;

import java.time.Instant;
import java.util.List;

/**
 * A meeting as stored: the participants as requested, the people they stand for, and how its slot was chosen.
 *
 * @param attendees directory ids of the people (teams expanded), the ones whose time the meeting takes
 */
public record StoredMeeting(String id, String title, List<String> participants, List<String> attendees,
                            Instant startAt, int durationMin, String status, int sequence, String issue,
                            Instant requestedStart, String reason, Instant createdAt, Instant updatedAt) {

    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    public StoredMeeting {
        participants = List.copyOf(participants);
        attendees = List.copyOf(attendees);
    }

    public Instant endAt() {
        return startAt.plusSeconds(durationMin * 60L);
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }

    StoredMeeting moved(Instant start, int duration, Instant requested, String why, Instant now) {
        return new StoredMeeting(id, title, participants, attendees, start, duration, status, sequence + 1, issue,
                requested, why, createdAt, now);
    }

    StoredMeeting cancel(Instant now) {
        return new StoredMeeting(id, title, participants, attendees, startAt, durationMin, CANCELLED, sequence + 1,
                issue, requestedStart, reason, createdAt, now);
    }
}
