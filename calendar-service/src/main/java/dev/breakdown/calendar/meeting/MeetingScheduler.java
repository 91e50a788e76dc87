package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotentCreate;
import dev.breakdown.calendar.meeting.SlotFinder.NoSlot;
import dev.breakdown.calendar.meeting.SlotFinder.Placed;
import dev.breakdown.calendar.meeting.SlotFinder.Placement;
import dev.breakdown.calendar.web.BadRequestException;
import dev.breakdown.calendar.web.ConflictException;
import dev.breakdown.calendar.web.NotFoundException;
import dev.breakdown.contracts.calendar.MeetingRequest;
import dev.breakdown.platform.directory.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books, moves and cancels meetings. Booking locks the attendees (one row each, SELECT ... FOR UPDATE) before it
 * reads their meetings, so concurrent requests for the same people queue up instead of taking the same slot.
 */
@Service
public class MeetingScheduler {

    static final int MAX_DURATION_MIN = 480;
    private static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_START = Instant.parse("9999-12-01T00:00:00Z");
    private static final int LOCK_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(MeetingScheduler.class);

    private final MeetingRepository meetings;
    private final Attendees attendees;
    private final CalendarProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public MeetingScheduler(MeetingRepository meetings, Attendees attendees, CalendarProperties properties,
                            TransactionTemplate transaction, Clock clock) {
        this.meetings = meetings;
        this.attendees = attendees;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Creation<StoredMeeting> schedule(MeetingRequest request, Optional<String> idempotencyKey) {
        String title = request.title().strip();
        List<String> participants = request.participants().stream().map(String::strip).toList();
        String issue = request.issue() == null || request.issue().isBlank() ? null : request.issue().strip();
        int duration = request.durationMin() == null ? properties.defaultDurationMin() : request.durationMin();
        Instant requested = request.startAt() == null ? null : checkedStart(request.startAt());
        List<Person> people = attendees.of(participants);
        // The requested start, not the computed one, so a retry minutes later still matches.
        String fingerprint = IdempotentCreate.fingerprint(Arrays.asList(title, participants,
                requested == null ? null : requested.toString(), duration, issue));

        return IdempotentCreate.create("meeting", idempotencyKey, fingerprint, meetings::findByIdempotencyKey,
                StoredMeeting::id, () -> booked(people, () -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    Placed slot = place(people, requested, duration, now, null);
                    StoredMeeting meeting = new StoredMeeting(UUID.randomUUID().toString(), title, participants,
                            people.stream().map(Person::id).toList(), slot.start(), duration, StoredMeeting.SCHEDULED,
                            0, issue, requested, slot.reason(), now, now);
                    meetings.insert(meeting, idempotencyKey.orElse(null), fingerprint);
                    log.info("Scheduled meeting {} '{}' at {} for {} min with {}: {}", meeting.id(), title,
                            meeting.startAt(), duration, participants, slot.reason());
                    return meeting;
                }));
    }

    /** Moves a meeting to the requested start (or, without one or when it clashes, the first free slot). */
    public StoredMeeting reschedule(String id, Instant startAt, Integer durationMin) {
        Instant requested = startAt == null ? null : checkedStart(startAt);
        StoredMeeting current = find(id);
        List<Person> people = attendees.of(current.participants());
        return booked(people, () -> {
            StoredMeeting meeting = find(id);
            if (meeting.cancelled()) {
                throw new ConflictException("meeting_cancelled", "Meeting " + id + " is cancelled; schedule a new one");
            }
            int duration = durationMin == null ? meeting.durationMin() : durationMin;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Placed slot = place(people, requested, duration, now, id);
            StoredMeeting moved = meeting.moved(slot.start(), duration, requested, slot.reason(), now);
            meetings.update(moved);
            log.info("Rescheduled meeting {} to {} (sequence {}): {}", id, moved.startAt(), moved.sequence(), slot.reason());
            return moved;
        });
    }

    /** Cancels a meeting; cancelling it again changes nothing. */
    public StoredMeeting cancel(String id) {
        return transaction.execute(status -> {
            StoredMeeting meeting = find(id);
            if (meeting.cancelled()) {
                return meeting;
            }
            StoredMeeting cancelled = meeting.cancel(clock.instant().truncatedTo(ChronoUnit.MILLIS));
            meetings.update(cancelled);
            log.info("Cancelled meeting {} '{}'", id, meeting.title());
            return cancelled;
        });
    }

    public StoredMeeting find(String id) {
        return meetings.findById(id).orElseThrow(() -> new NotFoundException("No meeting with id '" + id + "'"));
    }

    public List<StoredMeeting> find(MeetingQuery query) {
        return meetings.find(query);
    }

    private Placed place(List<Person> people, Instant requested, int duration, Instant now, String except) {
        Duration length = Duration.ofMinutes(duration);
        Duration horizon = Duration.ofDays(properties.scheduling().horizonDays());
        Instant earliest = nextQuarterHour(now);
        // Every meeting the search can meet: from the earlier of the two starts to the horizon after the later one.
        Instant first = requested != null && requested.isBefore(earliest) ? requested : earliest;
        Instant last = requested != null && requested.isAfter(earliest) ? requested : earliest;
        List<MeetingRepository.Busy> busy = meetings.busy(people.stream().map(Person::id).toList(), first,
                last.plus(horizon).plus(length), except);
        Placement placement = SlotFinder.place(people, requested, earliest, length, horizon, busy);
        if (placement instanceof NoSlot none) {
            throw new ConflictException("no_slot", none.reason());
        }
        return (Placed) placement;
    }

    /** Runs a booking with its people locked; a lock wait that times out (H2) or a deadlock victim is tried again. */
    private <T> T booked(List<Person> people, Supplier<T> booking) {
        List<String> ids = people.stream().map(Person::id).sorted().toList();
        meetings.ensureLockRows(ids);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    meetings.lock(ids);
                    return booking.get();
                });
            } catch (TransientDataAccessException busy) {
                if (attempt >= LOCK_ATTEMPTS) {
                    throw busy;
                }
                log.debug("Booking for {} waited too long for a lock (attempt {}): {}", ids, attempt, busy.getMessage());
            }
        }
    }

    /** The next quarter hour strictly after now, e.g. 10:07 -> 10:15 and 10:15:00 -> 10:30. */
    static Instant nextQuarterHour(Instant now) {
        long quarter = SlotFinder.STEP.toSeconds();
        return Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), quarter) + 1) * quarter);
    }

    private static Instant checkedStart(Instant requested) {
        if (requested.isBefore(EARLIEST_START) || requested.isAfter(LATEST_START)) {
            throw BadRequestException.invalid("start_at",
                    "must be an ISO-8601 instant between the years 2000 and 9999 (got " + requested + ")");
        }
        // iCalendar times have whole seconds; keep the stored start equal to what the ICS says.
        return requested.truncatedTo(ChronoUnit.SECONDS);
    }
}
