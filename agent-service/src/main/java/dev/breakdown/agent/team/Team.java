package dev.breakdown.agent.team;

import dev.breakdown.platform.directory.Person;
import java.time.Instant;
import java.util.List;

/** A named team and its members in the order the team directory (or the policy file) lists them. */
public record Team(String name, List<Person> members) {

    public String target() {
        return "team:" + name;
    }

    /**
     * Who can take work at that moment: members within working hours and not out of office; when nobody
     * is working right now, those not out of office (they see it next working day); else nobody.
     */
    public Candidates candidatesAt(Instant at) {
        List<String> working = members.stream().filter(m -> m.isWorkingAt(at)).map(Person::id).toList();
        if (!working.isEmpty()) {
            return new Candidates(working, "working at " + at);
        }
        List<String> inOffice = members.stream().filter(m -> !m.isAwayAt(at)).map(Person::id).toList();
        if (!inOffice.isEmpty()) {
            return new Candidates(inOffice, "nobody within working hours at " + at + ", so members not out of office");
        }
        return new Candidates(List.of(), "every member of team " + name + " is out of office on " + at);
    }

    /** The people a strategy may choose from, and why these. */
    public record Candidates(List<String> names, String basis) {
    }
}
