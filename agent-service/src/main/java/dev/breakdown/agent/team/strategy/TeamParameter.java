package dev.breakdown.agent.team.strategy;

import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.agent.team.Team;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** What the team strategies share: reading {@code team:} and a stable starting position per issue. */
final class TeamParameter {

    private TeamParameter() {
    }

    /** The declared team with members; {@code owner:} is refused because the strategy picks the owner. */
    static Optional<Team> read(String strategy, YamlValue.Fields params, YamlValue where, PolicyContext context) {
        if (params.has("owner")) {
            params.key("owner").problem("'owner' is not used by strategy " + strategy + "; it picks one from 'team'");
        }
        return params.require("team").flatMap(value -> value.text()
                .filter(name -> context.teams().requireKnown(name, value))
                .flatMap(name -> context.teams().find(name))
                .filter(team -> {
                    if (team.members().isEmpty()) {
                        value.problem("team '" + team.name() + "' has no members for strategy " + strategy);
                    }
                    return !team.members().isEmpty();
                }));
    }

    /** A position from a SHA-256 of the issue key: the same issue always starts at the same member. */
    static int position(String issueKey, int size) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(issueKey.getBytes(StandardCharsets.UTF_8));
            return (int) Math.floorMod(ByteBuffer.wrap(digest).getLong(), (long) size);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
