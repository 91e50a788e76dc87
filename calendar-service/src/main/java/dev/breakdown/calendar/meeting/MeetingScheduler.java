package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.ics.IcsCalendar;
import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotentCreate;
import dev.breakdown.calendar.web.BadRequestException;
import dev.breakdown.calendar.web.NotFoundException;
import dev.breakdown.calendar.web.TextRules;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.MeetingRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Validates meeting requests, fills in defaults and stores each meeting once per Idempotency-Key. */
@Service
public class MeetingScheduler {

    static final String SCHEDULED = "scheduled";
    static final int MAX_DURATION_MIN = 480;
    private static final long QUARTER_HOUR_SECONDS = 15 * 60;
    private static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_START = Instant.parse("9999-12-30T00:00:00Z");
    private static final Logger log = LoggerFactory.getLogger(MeetingScheduler.class);

    private final MeetingRepository meetings;
    private final IcsCalendar ics;
    private final CalendarProperties properties;
    private final Clock clock;

    public MeetingScheduler(MeetingRepository meetings, IcsCalendar ics, CalendarProperties properties, Clock clock) {
        this.meetings = meetings;
        this.ics = ics;
        this.properties = properties;
        this.clock = clock;
    }

    public Creation<Meeting> schedule(MeetingRequest request, Optional<String> idempotencyKey) {
        String title = TextRules.requiredLine("title", request.title(), 500);
        List<String> participants = TextRules.requiredLines("participants", request.participants(), 100, 320);
        int duration = request.durationMin() == null ? properties.defaultDurationMin() : request.durationMin();
        if (duration < 1 || duration > MAX_DURATION_MIN) {
            throw BadRequestException.invalid("duration_min",
                    "must be between 1 and " + MAX_DURATION_MIN + " minutes (got " + duration + ")");
        }
        Instant now = clock.instant();
        Instant start = request.startAt() == null ? nextQuarterHour(now) : checkedStart(request.startAt());
        // The requested start, not the computed default, so a retry minutes later still matches.
        String fingerprint = IdempotentCreate.fingerprint(Arrays.asList(title, participants,
                request.startAt() == null ? null : request.startAt().toString(), duration));

        Creation<Meeting> creation = IdempotentCreate.create("meeting", idempotencyKey, fingerprint,
                meetings::findByIdempotencyKey, Meeting::id, () -> {
                    Meeting meeting = new Meeting(UUID.randomUUID().toString(), title, participants, start, duration,
                            SCHEDULED, null, now.truncatedTo(ChronoUnit.MILLIS));
                    meetings.insert(meeting, idempotencyKey.orElse(null), fingerprint);
                    log.info("Scheduled meeting {} '{}' at {} for {} min with {}", meeting.id(), title, start,
                            duration, participants);
                    return meeting;
                });
        return new Creation<>(withIcs(creation.entity()), creation.replayed());
    }

    public Meeting find(String id) {
        return meetings.findById(id).map(this::withIcs)
                .orElseThrow(() -> new NotFoundException("No meeting with id '" + id + "'"));
    }

    public List<Meeting> latest(int limit) {
        return meetings.findLatest(limit).stream().map(this::withIcs).toList();
    }

    /** The next quarter hour strictly after now, e.g. 10:07 -> 10:15 and 10:15:00 -> 10:30. */
    static Instant nextQuarterHour(Instant now) {
        long quarters = Math.floorDiv(now.getEpochSecond(), QUARTER_HOUR_SECONDS) + 1;
        return Instant.ofEpochSecond(quarters * QUARTER_HOUR_SECONDS);
    }

    private static Instant checkedStart(Instant requested) {
        if (requested.isBefore(EARLIEST_START) || requested.isAfter(LATEST_START)) {
            throw BadRequestException.invalid("start_at", "must be an ISO-8601 instant between the years 2000 and 9999 (got " + requested + ")");
        }
        // iCalendar times have whole seconds; keep the stored start equal to what the ICS says.
        return requested.truncatedTo(ChronoUnit.SECONDS);
    }

    private Meeting withIcs(Meeting m) {
        String text = ics.render(new IcsCalendar.Event(m.id(), m.title(), m.participants(), m.startAt(),
                m.durationMin(), m.createdAt()));
        return new Meeting(m.id(), m.title(), m.participants(), m.startAt(), m.durationMin(), m.status(), text,
                m.createdAt());
    }
}
