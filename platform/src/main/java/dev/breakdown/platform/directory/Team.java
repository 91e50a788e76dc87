package dev.breakdown.platform.directory;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A team of the directory.
 *
 * @param githubTeam   {@code org/team-slug}, for {@code @org/team-slug} mentions
 * @param members      person ids in the order the file lists them
 * @param slackWebhook the team channel's incoming webhook
 */
public record Team(String name, Optional<String> githubTeam, List<String> members, Optional<URI> slackWebhook) {

    public Team {
        members = List.copyOf(members);
    }
}
