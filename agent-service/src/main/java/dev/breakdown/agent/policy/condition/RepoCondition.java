package dev.breakdown.agent.policy.condition;

import dev.breakdown.agent.policy.Check;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** {@code repo: acme/*} or a list of globs: {@code *} stays within one path part, {@code **} spans parts. */
@Component
class RepoCondition implements ConditionKind {

    @Override
    public String key() {
        return "repo";
    }

    @Override
    public Optional<Condition> parse(YamlValue value, PolicyContext context) {
        List<String> globs = value.texts();
        if (globs.isEmpty()) {
            return Optional.empty();
        }
        List<Pattern> patterns = globs.stream().map(RepoCondition::glob).toList();
        return Optional.of((event, evaluation) -> {
            String repo = event.repo() == null ? "" : event.repo().trim();
            return patterns.stream().anyMatch(p -> p.matcher(repo).matches())
                    ? Check.yes("repo " + repo)
                    : Check.no("repo " + (repo.isEmpty() ? "none" : repo) + " does not match " + String.join(" or ", globs));
        });
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
