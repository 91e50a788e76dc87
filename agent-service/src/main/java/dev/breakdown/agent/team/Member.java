package dev.breakdown.agent.team;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * A person in a team, with the hours they work in their own zone and the days they are away.
 *
 * @param outOfOffice inclusive date ranges, in the member's zone
 */
public record Member(String name, ZoneId zone, LocalTime from, LocalTime to, Set<DayOfWeek> days,
                     List<Absence> outOfOffice) {

    public boolean isOutOfOffice(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return outOfOffice.stream().anyMatch(absence -> absence.covers(day));
    }

    public boolean isWorking(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /** An inclusive range of days away. */
    public record Absence(LocalDate from, LocalDate to) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }
}
