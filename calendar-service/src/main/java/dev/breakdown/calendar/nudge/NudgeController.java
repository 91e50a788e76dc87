package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.CalendarProperties;
import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotencyKey;
import dev.breakdown.calendar.web.BadRequestException;
import dev.breakdown.calendar.web.Limits;
import dev.breakdown.contracts.calendar.Nudge;
import dev.breakdown.contracts.calendar.NudgeRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
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

@RestController
@RequestMapping("/api/nudges")
class NudgeController {

    private static final Set<String> STATUSES =
            Set.of(StoredNudge.STORED, StoredNudge.PENDING, StoredNudge.SENT, StoredNudge.FAILED);

    private final NudgeSender sender;
    private final String publicBase;

    NudgeController(NudgeSender sender, CalendarProperties properties) {
        this.sender = sender;
        this.publicBase = properties.publicBase();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Nudge> send(@Valid @RequestBody NudgeRequest request,
                               @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        Creation<StoredNudge> creation = sender.send(request, IdempotencyKey.parse(key));
        Nudge nudge = view(creation.entity());
        URI location = URI.create(publicBase + "/api/nudges/" + nudge.id());
        if (creation.replayed()) {
            return ResponseEntity.ok().location(location).header(IdempotencyKey.REPLAYED_HEADER, "true").body(nudge);
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(nudge);
    }

    @GetMapping("/{id}")
    Nudge get(@PathVariable String id) {
        return view(sender.find(id));
    }

    /**
     * Newest first; {@code to} as sent (e.g. {@code team:triage}), {@code status} one of stored, pending, sent, failed,
     * {@code link} the exact issue link (as the meetings' {@code issue}).
     */
    @GetMapping
    List<Nudge> list(@RequestParam(required = false) String to, @RequestParam(required = false) String status,
                     @RequestParam(required = false) String link,
                     @RequestParam(defaultValue = "" + Limits.DEFAULT) int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequestException("invalid_parameter",
                    "Parameter 'status' must be one of stored, pending, sent, failed (got '" + status + "')");
        }
        return sender.find(to == null || to.isBlank() ? null : to.strip(), status,
                        link == null || link.isBlank() ? null : link.strip(), Limits.check(limit)).stream()
                .map(NudgeController::view).toList();
    }

    private static Nudge view(StoredNudge n) {
        return new Nudge(n.id(), n.to(), n.message(), n.priority(), n.link(), n.status(), n.channel(), n.reason(),
                n.attempts(), n.createdAt(), n.sentAt());
    }
}
