package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.ics.IcsCalendar;
import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotencyKey;
import dev.breakdown.calendar.web.BadRequestException;
import dev.breakdown.calendar.web.Limits;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.MeetingRequest;
import dev.breakdown.contracts.calendar.Scheduling;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private final MeetingScheduler scheduler;
    private final Attendees attendees;
    private final IcsCalendar ics;
    private final String publicBase;

    MeetingController(MeetingScheduler scheduler, Attendees attendees, IcsCalendar ics, CalendarProperties properties) {
        this.scheduler = scheduler;
        this.attendees = attendees;
        this.ics = ics;
        this.publicBase = properties.publicBase();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Meeting> schedule(@Valid @RequestBody MeetingRequest request,
                                     @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        Creation<StoredMeeting> creation = scheduler.schedule(request, IdempotencyKey.parse(key));
        Meeting meeting = view(creation.entity());
        URI location = URI.create(publicBase + "/api/meetings/" + meeting.id());
        if (creation.replayed()) {
            return ResponseEntity.ok().location(location).header(IdempotencyKey.REPLAYED_HEADER, "true").body(meeting);
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(meeting);
    }

    @GetMapping("/{id}")
    Meeting get(@PathVariable String id) {
        return view(scheduler.find(id));
    }

    @GetMapping("/{id}.ics")
    ResponseEntity<String> ics(@PathVariable String id) {
        StoredMeeting meeting = scheduler.find(id);
        return IcsCalendar.answer(id + ".ics", ics.render(meeting.title(), List.of(meeting)));
    }

    /** Filters combine; {@code participant} matches as requested and by person ({@code alice} finds {@code team:frontend}'s meetings). */
    @GetMapping
    List<Meeting> list(@RequestParam(required = false) String participant,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                       @RequestParam(required = false) String status,
                       @RequestParam(required = false) String issue,
                       @RequestParam(defaultValue = "" + Limits.DEFAULT) int limit) {
        if (status != null && !Set.of(StoredMeeting.SCHEDULED, StoredMeeting.CANCELLED).contains(status)) {
            throw new BadRequestException("invalid_parameter",
                    "Parameter 'status' must be scheduled or cancelled (got '" + status + "')");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("invalid_parameter", "Parameter 'from' must be before 'to'");
        }
        Set<String> participants = null;
        Set<String> people = null;
        if (participant != null && !participant.isBlank()) {
            String p = participant.strip();
            participants = new LinkedHashSet<>(List.of(p));
            people = new LinkedHashSet<>();
            if (!p.startsWith(Attendees.TEAM)) {
                participants.addAll(Attendees.names(attendees.person(p).id()));
            }
            for (var person : attendees.of(List.of(p))) {
                people.add(person.id());
            }
        }
        return scheduler.find(new MeetingQuery(participants, people, from, to, status, issue, Limits.check(limit)))
                .stream().map(this::view).toList();
    }

    @PostMapping("/{id}/cancel")
    Meeting cancel(@PathVariable String id) {
        return view(scheduler.cancel(id));
    }

    @DeleteMapping("/{id}")
    Meeting delete(@PathVariable String id) {
        return view(scheduler.cancel(id));
    }

    @PostMapping(path = "/{id}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    Meeting reschedule(@PathVariable String id, @Valid @RequestBody RescheduleRequest request) {
        return view(scheduler.reschedule(id, request.startAt(), request.durationMin()));
    }

    private Meeting view(StoredMeeting m) {
        return new Meeting(m.id(), m.title(), m.participants(), m.attendees(), m.startAt(), m.durationMin(), m.status(),
                m.sequence(), m.issue(), new Scheduling(m.requestedStart(), m.reason()),
                publicBase + "/api/meetings/" + m.id() + ".ics", m.createdAt(), m.updatedAt());
    }
}
