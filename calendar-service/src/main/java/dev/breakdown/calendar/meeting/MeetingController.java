package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotencyKey;
import dev.breakdown.calendar.web.Limits;
import dev.breakdown.contracts.calendar.Meeting;
import dev.breakdown.contracts.calendar.MeetingRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final MeetingScheduler scheduler;

    MeetingController(MeetingScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Meeting> schedule(@RequestBody MeetingRequest request,
                                     @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        Creation<Meeting> creation = scheduler.schedule(request, IdempotencyKey.parse(key));
        Meeting meeting = creation.entity();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(meeting.id()).toUri();
        if (creation.replayed()) {
            return ResponseEntity.ok().location(location).header(IdempotencyKey.REPLAYED_HEADER, "true").body(meeting);
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(meeting);
    }

    @GetMapping("/{id}")
    Meeting get(@PathVariable String id) {
        return scheduler.find(id);
    }

    @GetMapping("/{id}.ics")
    ResponseEntity<String> ics(@PathVariable String id) {
        Meeting meeting = scheduler.find(id);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + meeting.id() + ".ics\"")
                .body(meeting.ics());
    }

    @GetMapping
    List<Meeting> list(@RequestParam(defaultValue = "" + Limits.DEFAULT) int limit) {
        return scheduler.latest(Limits.check(limit));
    }
}
