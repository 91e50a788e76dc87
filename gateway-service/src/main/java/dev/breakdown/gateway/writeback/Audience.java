package dev.breakdown.gateway.writeback;

import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.Team;
import java.util.List;
import java.util.Optional;

/**
 * Whom a comment is for, to mention them: the action's target, the directory's team (its GitHub team slug) and the
 * people the target names (GitHub logins, Jira account ids). Empty when the directory does not know the target.
 */
public record Audience(String target, Optional<Team> team, List<Person> people) {

    public static Audience nobody(String target) {
        return new Audience(target, Optional.empty(), List.of());
    }
}
