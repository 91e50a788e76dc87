package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.meeting.MeetingRepository.Busy;
import dev.breakdown.platform.directory.Person;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Places a meeting: the requested start when nobody is busy or away then, else the first quarter hour from the
 * earliest start on which every attendee is free and inside their working hours (in their own zone, on a working
 * day, not out of office), up to the horizon.
 */
final class SlotFinder {

    static final Duration STEP = Duration.ofMinutes(15);

    private SlotFinder() {
    }

    /** Where the meeting goes and why, or why it cannot go anywhere within the horizon. */
    sealed interface Placement permits Placed, NoSlot {
    }

    record Placed(Instant start, String reason) implements Placement {
    }

    record NoSlot(String reason) implements Placement {
    }

    /**
     * @param requested the start the request asked for, or null
     * @param earliest  where the search begins when there is no request (the next quarter hour)
     * @param busy      the attendees' meetings between the earliest start and the horizon's end
     */
    static Placement place(List<Person> people, Instant requested, Instant earliest, Duration length, Duration horizon,
                           List<Busy> busy) {
        if (requested != null) {
            List<String> clashes = clashes(people, requested, requested.plus(length), busy);
            if (clashes.isEmpty()) {
                return new Placed(requested, people.isEmpty() ? "the requested start; no known people to check"
                        : "the requested start: " + names(people) + " free then");
            }
            // a clash in the past moves the meeting to the future, not to another past slot
            Instant from = requested.isBefore(earliest) ? earliest : requested;
            return search(people, from, length, horizon, busy,
                    "the requested start " + requested + " clashes (" + String.join("; ", clashes) + "); ");
        }
        return search(people, earliest, length, horizon, busy, "no start requested; ");
    }

    private static Placement search(List<Person> people, Instant from, Duration length, Duration horizon,
                                    List<Busy> busy, String why) {
        if (people.isEmpty()) {
            return new Placed(from, why + "no known people to check, so the earliest start");
        }
        Instant limit = from.plus(horizon);
        for (Instant t = from; !t.plus(length).isAfter(limit); t = nextStep(t)) {
            if (fits(people, t, t.plus(length), busy)) {
                return new Placed(t, why + "first slot from " + from + " in which " + names(people)
                        + " are all free and inside their working hours (" + hours(people) + ")");
            }
        }
        return new NoSlot("No " + length.toMinutes() + "-minute slot between " + from + " and " + limit + " in which "
                + names(people) + " are all free and inside their working hours (" + hours(people) + ")"
                + away(people, from, limit) + "; ask for a later start_at or fewer participants");
    }

    private static boolean fits(List<Person> people, Instant start, Instant end, List<Busy> busy) {
        return people.stream().allMatch(p -> p.isWorking(start, end)) && busy.stream().noneMatch(b -> b.overlaps(start, end));
    }

    /** The grid is quarter hours in UTC; a requested start off the grid moves to the next mark. */
    private static Instant nextStep(Instant t) {
        long step = STEP.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), step) * step + step);
    }

    /** What stops a meeting at exactly [start, end): meetings and absences; working hours only guide the search. */
    private static List<String> clashes(List<Person> people, Instant start, Instant end, List<Busy> busy) {
        List<String> clashes = new ArrayList<>();
        busy.stream().filter(b -> b.overlaps(start, end))
                .forEach(b -> clashes.add(b.person() + " has meeting " + b.meetingId()));
        people.stream().filter(p -> p.isAwayAt(start) || p.isAwayAt(end.minusSeconds(1)))
                .forEach(p -> clashes.add(p.id() + " is out of office"));
        return clashes.stream().distinct().toList();
    }

    private static String names(List<Person> people) {
        return people.stream().map(Person::id).collect(Collectors.joining(", "));
    }

    private static String hours(List<Person> people) {
        return people.stream().map(p -> p.id() + " " + p.workStart() + "-" + p.workEnd() + " " + p.zone())
                .collect(Collectors.joining(", "));
    }

    private static String away(List<Person> people, Instant from, Instant to) {
        String away = people.stream()
                .flatMap(p -> p.outOfOffice().stream()
                        .filter(a -> !a.to().isBefore(LocalDate.ofInstant(from, p.zone()))
                                && !a.from().isAfter(LocalDate.ofInstant(to, p.zone())))
                        .map(a -> p.id() + " out of office " + a.from() + ".." + a.to()))
                .collect(Collectors.joining(", "));
        return away.isEmpty() ? "" : "; " + away;
    }
}
