package dev.breakdown.calendar.meeting;

import dev.breakdown.calendar.web.BadRequestException;
import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.TeamDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a participant stands for, from the team directory (BREAKDOWN_TEAMS_FILE): {@code team:triage} is its members,
 * {@code owner:alice} and {@code alice} are alice, an e-mail address is the person with that address; anyone the
 * directory does not list gets its defaults (zone, hours, days).
 */
@Component
public class Attendees {

    static final String TEAM = "team:";
    static final String OWNER = "owner:";

    private final TeamDirectory directory;

    public Attendees(TeamDirectory directory) {
        this.directory = directory;
    }

    /** The distinct people of all participants, in order; an unknown team is the caller's mistake. */
    public List<Person> of(List<String> participants) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            for (Person person : of(participants.get(i), "participants[" + i + "]")) {
                people.putIfAbsent(person.id(), person);
            }
        }
        return List.copyOf(people.values());
    }

    List<Person> of(String participant, String field) {
        if (participant.startsWith(TEAM)) {
            try {
                return directory.resolve(participant);
            } catch (IllegalArgumentException unknownTeam) {
                throw BadRequestException.invalid(field, "names an " + unknownTeam.getMessage());
            }
        }
        return List.of(person(participant));
    }

    /** A person by {@code owner:id}, {@code id} or e-mail address. */
    public Person person(String participant) {
        String id = participant.startsWith(OWNER) ? participant.substring(OWNER.length()).strip() : participant;
        return byEmail(id).orElseGet(() -> directory.personOrDefault(id));
    }

    public Optional<Person> known(String id) {
        return directory.person(id);
    }

    /** The ways a meeting can name a person: {@code owner:alice} and {@code alice}. */
    public static List<String> names(String personId) {
        List<String> names = new ArrayList<>();
        names.add(personId);
        names.add(OWNER + personId);
        return names;
    }

    private Optional<Person> byEmail(String id) {
        if (!id.contains("@")) {
            return Optional.empty();
        }
        return directory.people().values().stream()
                .filter(p -> p.email().filter(mail -> mail.equalsIgnoreCase(id)).isPresent())
                .findFirst();
    }
}
