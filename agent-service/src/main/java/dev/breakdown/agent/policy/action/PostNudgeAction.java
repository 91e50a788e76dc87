package dev.breakdown.agent.policy.action;

import dev.breakdown.agent.nudge.NudgeLimit;
import dev.breakdown.agent.nudge.NudgeThrottle;
import dev.breakdown.agent.policy.DecisionContext;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code post_nudge: {team: triage | owner: alice, assignee: true, message: "..."}}: a notification. With
 * {@code assignee: true} it goes to the assignee when there is one. The file's {@code notifications} limit
 * holds nudges beyond it for a digest.
 */
@Component
class PostNudgeAction implements ActionKind {

    @Override
    public String key() {
        return ActionEvent.POST_NUDGE;
    }

    @Override
    public Optional<Action> parse(YamlValue value, PolicyContext context) {
        return value.fields(Set.of("team", "owner", "assignee", "message")).flatMap(params -> {
            if (params.has("team") == params.has("owner")) {
                value.problem(value.path() + " needs exactly one of 'team' or 'owner' (who gets the nudge"
                        + (params.has("assignee") ? " when the issue has no assignee" : "") + ")");
                return Optional.empty();
            }
            Optional<String> fallback = params.has("team")
                    ? params.get("team").flatMap(t -> t.text().filter(n -> context.teams().requireKnown(n, t))).map(n -> "team:" + n)
                    : params.get("owner").flatMap(YamlValue::text).map(n -> "owner:" + n);
            boolean toAssignee = params.get("assignee").flatMap(YamlValue::bool).orElse(false);
            Optional<MessageTemplate> message = params.get("message").map(MessageTemplate::read)
                    .orElse(Optional.of(MessageTemplate.of("{title} {url}")));
            if (fallback.isEmpty() || message.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Nudge(fallback.get(), toAssignee, message.get(), context.nudgeLimit()));
        });
    }

    private record Nudge(String fallback, boolean toAssignee, MessageTemplate template, Optional<NudgeLimit> limit)
            implements Action {

        @Override
        public String kind() {
            return ActionEvent.POST_NUDGE;
        }

        @Override
        public Proposal propose(IssueEvent event, DecisionContext context) {
            boolean assigned = toAssignee && event.assignee() != null && !event.assignee().isBlank();
            String target = assigned ? "owner:" + event.assignee().trim() : fallback;
            String message = template.render(event);
            String summary = "nudge to " + target;
            if (limit.isEmpty()) {
                return new Proposal(kind(), target, summary, null, null, message, false);
            }
            NudgeThrottle.Verdict verdict = context.throttle().admit(context, target, message, limit.get());
            return new Proposal(kind(), target, summary + verdict.note(), null, null, verdict.message(), verdict.held());
        }
    }
}
