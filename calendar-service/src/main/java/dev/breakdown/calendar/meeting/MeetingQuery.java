package dev.breakdown.calendar.meeting;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of a meeting list; null or empty means "any".
 *
 * @param participants meetings with one of these participants as requested (e.g. {@code team:triage})
 * @param people       or with one of these people among the attendees
 * @param from         meetings that end after this instant
 * @param to           meetings that start before this instant
 */
public record MeetingQuery(Set<String> participants, Set<String> people, Instant from, Instant to, String status,
                           String issue, int limit) {

    boolean byTime() {
        return from != null || to != null;
    }
}
