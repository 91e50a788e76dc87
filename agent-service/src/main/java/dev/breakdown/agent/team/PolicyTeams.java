package dev.breakdown.agent.team;

import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.TeamDirectory;
import dev.breakdown.platform.directory.WorkingTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The teams a policy file can name: those of the shared team directory ({@code BREAKDOWN_TEAMS_FILE}) and,
 * for files written before it, the file's own {@code teams:} section, whose teams replace directory teams
 * of the same name.
 */
public record PolicyTeams(Map<String, Team> teams, List<String> fromPolicyFile) {

    private static final Set<String> TEAM_KEYS = Set.of("members", "zone", "hours", "days");
    private static final Set<String> MEMBER_KEYS = Set.of("name", "zone", "hours", "days", "out_of_office");
    private static final Set<String> ABSENCE_KEYS = Set.of("from", "to");
    private static final WorkingTime.Hours OFFICE_HOURS = new WorkingTime.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0));
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public Optional<Team> find(String name) {
        return Optional.ofNullable(teams.get(name));
    }

    /** Reports an unknown team at {@code where} and answers whether it exists. */
    public boolean requireKnown(String name, YamlValue where) {
        if (teams.containsKey(name)) {
            return true;
        }
        where.problem("unknown team '" + name + "' in " + where.path() + "; known teams: "
                + (teams.isEmpty() ? "none" : String.join(", ", teams.keySet()))
                + " (teams are declared in the team directory, BREAKDOWN_TEAMS_FILE)");
        return false;
    }

    /**
     * The directory's teams with the policy file's {@code teams:} over them. A member the file names without
     * details is the directory's person when listed there; otherwise the team's zone, hours and days apply,
     * and those default to {@code zone}, 09:00-17:00, Monday to Friday, as before the directory existed.
     */
    public static PolicyTeams read(TeamDirectory directory, Optional<YamlValue> section, ZoneId zone) {
        Map<String, Team> teams = new LinkedHashMap<>();
        directory.teams().values().forEach(team -> teams.put(team.name(), new Team(team.name(), directory.members(team))));
        List<String> own = new ArrayList<>();
        section.flatMap(s -> s.fields(Set.of())).ifPresent(fields -> fields.entries().forEach((name, value) -> {
            own.add(name);
            if (value.isNull()) {
                teams.put(name, new Team(name, List.of()));
                return;
            }
            value.fields(TEAM_KEYS).ifPresent(team -> {
                ZoneId teamZone = team.get("zone").flatMap(YamlValue::zone).orElse(zone);
                WorkingTime.Hours hours = team.get("hours").map(PolicyTeams::hours).orElse(OFFICE_HOURS);
                Set<DayOfWeek> days = team.get("days").map(PolicyTeams::days).orElse(WEEKDAYS);
                List<Person> members = new ArrayList<>();
                team.get("members").ifPresent(list -> list.items()
                        .forEach(item -> member(item, directory, teamZone, hours, days).ifPresent(members::add)));
                teams.put(name, new Team(name, List.copyOf(members)));
            });
        }));
        return new PolicyTeams(Collections.unmodifiableMap(teams), List.copyOf(own));
    }

    private static Optional<Person> member(YamlValue item, TeamDirectory directory, ZoneId zone, WorkingTime.Hours hours,
                                           Set<DayOfWeek> days) {
        if (item.isScalar()) {
            return item.text().map(id -> directory.person(id).orElseGet(() -> person(id, zone, hours, days, List.of())));
        }
        return item.fields(MEMBER_KEYS).flatMap(m -> {
            Optional<String> name = m.require("name").flatMap(YamlValue::text);
            ZoneId own = m.get("zone").flatMap(YamlValue::zone).orElse(zone);
            WorkingTime.Hours ownHours = m.get("hours").map(PolicyTeams::hours).orElse(hours);
            Set<DayOfWeek> ownDays = m.get("days").map(PolicyTeams::days).orElse(days);
            List<Person.Absence> away = new ArrayList<>();
            m.get("out_of_office").ifPresent(list -> list.items().forEach(a -> a.fields(ABSENCE_KEYS).ifPresent(range -> {
                Optional<LocalDate> from = range.require("from").flatMap(YamlValue::date);
                Optional<LocalDate> to = range.require("to").flatMap(YamlValue::date);
                if (from.isPresent() && to.isPresent()) {
                    if (to.get().isBefore(from.get())) {
                        a.problem(a.path() + ": 'to' " + to.get() + " is before 'from' " + from.get());
                    } else {
                        away.add(new Person.Absence(from.get(), to.get()));
                    }
                }
            })));
            return name.map(n -> person(n, own, ownHours, ownDays, away));
        });
    }

    /** Someone only the policy file knows: reachable by id alone. */
    private static Person person(String id, ZoneId zone, WorkingTime.Hours hours, Set<DayOfWeek> days,
                                 List<Person.Absence> away) {
        return new Person(id, id, id, Optional.empty(), Optional.empty(), zone, hours.start(), hours.end(), days, away,
                Optional.empty());
    }

    private static WorkingTime.Hours hours(YamlValue value) {
        Optional<String> text = value.text();
        Optional<WorkingTime.Hours> hours = text.flatMap(WorkingTime::hours);
        if (text.isPresent() && hours.isEmpty()) {
            value.problem(value.path() + " must be working hours written HH:MM-HH:MM with the start first, got '"
                    + text.get() + "'");
        }
        return hours.orElse(OFFICE_HOURS);
    }

    private static Set<DayOfWeek> days(YamlValue value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String text : value.texts()) {
            WorkingTime.days(text).ifPresentOrElse(days::addAll, () -> value.problem(value.path() + ": '" + text
                    + "' is not a day; use mon, tue, ... or a range such as mon-fri"));
        }
        return days.isEmpty() ? WEEKDAYS : days;
    }
}
