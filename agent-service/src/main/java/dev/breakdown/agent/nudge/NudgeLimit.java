package dev.breakdown.agent.nudge;

import dev.breakdown.agent.policy.yaml.YamlValue;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code notifications: {max: 5, per: 1h}}: at most {@code max} nudges to one target per window. */
public record NudgeLimit(int max, Duration per) {

    public static Optional<NudgeLimit> read(YamlValue value) {
        return value.fields(Set.of("max", "per")).flatMap(f -> {
            Optional<Integer> max = f.require("max").flatMap(m -> m.integer(1, 100_000));
            Optional<Duration> per = f.require("per").flatMap(YamlValue::duration);
            return max.isPresent() && per.isPresent() ? Optional.of(new NudgeLimit(max.get(), per.get())) : Optional.empty();
        });
    }

    @Override
    public String toString() {
        return max + " per " + per.toString().substring(2).toLowerCase();
    }
}
