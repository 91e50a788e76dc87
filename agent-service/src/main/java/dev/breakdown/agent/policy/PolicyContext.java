package dev.breakdown.agent.policy;

import dev.breakdown.agent.nudge.NudgeLimit;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.agent.team.PolicyTeams;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What condition and action kinds may consult while a policy file is read: the teams it may name, its
 * nudge limit, and a reader for nested condition blocks (for {@code any_of}).
 */
public record PolicyContext(PolicyTeams teams, ZoneId zone, Optional<NudgeLimit> nudgeLimit,
                            Function<YamlValue, List<When>> conditionBlock) {
}
