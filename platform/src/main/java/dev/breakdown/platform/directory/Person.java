package dev.breakdown.platform.directory;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person of the team directory: how to reach them on GitHub, Jira, by mail and Slack, and when they work.
 *
 * @param id           the id used in targets ({@code owner:alice}) and in team member lists
 * @param name         display name (the id when the file gives none)
 * @param githubLogin  GitHub login (the id when the file gives none)
 * @param workStart    start of the working day, local to {@code zone}
 * @param workEnd      end of the working day, local to {@code zone}, after {@code workStart}
 * @param outOfOffice  inclusive date ranges, in the person's zone
 */
public record Person(String id, String name, String githubLogin, Optional<String> jiraAccountId,
                     Optional<String> email, ZoneId zone, LocalTime workStart, LocalTime workEnd,
                     Set<DayOfWeek> workDays, List<Absence> outOfOffice, Optional<URI> slackWebhook) {

    public Person {
        workDays = Set.copyOf(workDays);
        outOfOffice = List.copyOf(outOfOffice);
    }

    /** Whether {@code date} (a day in the person's zone) falls into one of their absences. */
    public boolean isAway(LocalDate date) {
        return outOfOffice.stream().anyMatch(absence -> absence.covers(date));
    }

    /** Whether the person is away on the day {@code at} falls on in their zone. */
    public boolean isAwayAt(Instant at) {
        return isAway(LocalDate.ofInstant(at, zone));
    }

    /**
     * Whether the whole interval lies inside one of the person's working days, within working hours, on a
     * day they are not away. An empty interval ({@code from == to}) is a moment: working if it is before the end.
     */
    public boolean isWorking(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return false;
        }
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        LocalDate day = start.toLocalDate();
        if (!end.toLocalDate().equals(day) || !workDays.contains(day.getDayOfWeek()) || isAway(day)) {
            return false;
        }
        boolean endsInTime = from.equals(to) ? end.toLocalTime().isBefore(workEnd) : !end.toLocalTime().isAfter(workEnd);
        return !start.toLocalTime().isBefore(workStart) && endsInTime;
    }

    /** Whether the person is at work at that moment (working day, working hours, not away). */
    public boolean isWorkingAt(Instant at) {
        return isWorking(at, at);
    }

    /** An inclusive range of days away, in the person's zone. */
    public record Absence(LocalDate from, LocalDate to) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }
}
