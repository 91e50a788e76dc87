package dev.breakdown.gateway.writeback;

import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.Team;
import java.util.List;
import java.util.Optional;

/**
 * An escalation to write: the label to add and a comment to the target, once per issue and target until the issue
 * changes hands or is closed and reopened.
 *
 * @param target the action's target, e.g. team:platform; also the key of "once"
 * @param team   the directory's team for a team: target (its GitHub team slug for the mention)
 * @param people whom the target names, for mentions where the team has no slug (and on Jira)
 */
public record Escalation(String target, Optional<Team> team, List<Person> people, String label, String reason) {

    public Audience audience() {
        return new Audience(target, team, people);
    }
}
