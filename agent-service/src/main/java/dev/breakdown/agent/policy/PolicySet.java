package dev.breakdown.agent.policy;

import dev.breakdown.agent.nudge.NudgeLimit;
import dev.breakdown.agent.team.PolicyTeams;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A parsed, valid policy file: everything the engine needs, immutable, swapped whole on reload. */
public record PolicySet(String file, String sha256, ZoneId zone, PolicyTeams teams, Optional<NudgeLimit> nudgeLimit,
                        List<Rule> rules) {

    public static String hashOf(String content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public List<String> ruleNames() {
        return rules.stream().map(Rule::name).toList();
    }
}
