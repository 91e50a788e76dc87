package dev.breakdown.agent.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The moment rules are evaluated at, and the zone whose calendar day is "today" for due dates. */
public record Evaluation(Instant now, ZoneId zone) {

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }
}
