package dev.breakdown.calendar.nudge;

import dev.breakdown.calendar.idempotency.Creation;
import dev.breakdown.calendar.idempotency.IdempotencyKey;
import dev.breakdown.calendar.web.Limits;
import dev.breakdown.contracts.calendar.Nudge;
import dev.breakdown.contracts.calendar.NudgeRequest;
import java.net.URI;
import java.util.List;
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
@RequestMapping("/api/nudges")
class NudgeController {

    private final NudgeSender sender;

    NudgeController(NudgeSender sender) {
        this.sender = sender;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Nudge> send(@RequestBody NudgeRequest request,
                               @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
        Creation<Nudge> creation = sender.send(request, IdempotencyKey.parse(key));
        Nudge nudge = creation.entity();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(nudge.id()).toUri();
        if (creation.replayed()) {
            return ResponseEntity.ok().location(location).header(IdempotencyKey.REPLAYED_HEADER, "true").body(nudge);
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(nudge);
    }

    @GetMapping("/{id}")
    Nudge get(@PathVariable String id) {
        return sender.find(id);
    }

    @GetMapping
    List<Nudge> list(@RequestParam(defaultValue = "" + Limits.DEFAULT) int limit) {
        return sender.latest(Limits.check(limit));
    }
}
