package dev.breakdown.agent.policy.action;

import dev.breakdown.agent.policy.DecisionContext;
import dev.breakdown.agent.policy.PolicyContext;
import dev.breakdown.agent.policy.yaml.YamlValue;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code schedule_unblocker: {participants: assignee|team|[names], team: triage, duration_min: 15, title: "Unblock: {title}"}}.
 * With {@code assignee}, an issue without one falls back to {@code team}.
 */
@Component
class ScheduleUnblockerAction implements ActionKind {

    @Override
    public String key() {
        return ActionEvent.SCHEDULE_UNBLOCKER;
    }

    @Override
    public Optional<Action> parse(YamlValue value, PolicyContext context) {
        return value.fields(Set.of("participants", "team", "duration_min", "title")).flatMap(params -> {
            int problemsBefore = value.problems().list().size();
            YamlValue who = params.require("participants").orElse(null);
            List<String> people = List.of();
            String mode = null;
            if (who != null && who.isScalar() && Set.of("assignee", "team").contains(who.text().orElse(""))) {
                mode = who.text().get();
            } else if (who != null && who.isList()) {
                mode = "people";
                people = who.texts();
            } else if (who != null) {
                who.problem(who.path() + " must be assignee, team, or a list of names, got " + who.describe());
            }
            String team = null;
            if (params.has("team")) {
                YamlValue teamValue = params.get("team").get();
                team = teamValue.text().filter(name -> context.teams().requireKnown(name, teamValue)).orElse(null);
            } else if ("assignee".equals(mode) || "team".equals(mode)) {
                value.problem(value.path() + " needs 'team' (the team to meet "
                        + ("team".equals(mode) ? "" : "when the issue has no assignee") + ")");
            }
            int minutes = params.get("duration_min").flatMap(d -> d.integer(1, 480)).orElse(15);
            MessageTemplate title = params.get("title").flatMap(MessageTemplate::read)
                    .orElse(MessageTemplate.of("Unblock: {title}"));
            if (value.problems().list().size() > problemsBefore) {
                return Optional.empty();
            }
            return Optional.of(new Unblocker(mode, team, people, minutes, title));
        });
    }

    private record Unblocker(String mode, String team, List<String> people, int minutes, MessageTemplate title)
            implements Action {

        @Override
        public String kind() {
            return ActionEvent.SCHEDULE_UNBLOCKER;
        }

        @Override
        public Proposal propose(IssueEvent event, DecisionContext context) {
            String assignee = event.assignee() == null ? "" : event.assignee().trim();
            String target;
            List<String> participants;
            String with;
            if (mode.equals("people")) {
                target = "owner:" + people.get(0);
                participants = people;
                with = String.join(", ", people);
            } else if (mode.equals("assignee") && !assignee.isEmpty()) {
                target = "owner:" + assignee;
                participants = List.of(assignee);
                with = "the assignee " + assignee;
            } else {
                target = "team:" + team;
                participants = List.of(target);
                with = "team " + team + (mode.equals("assignee") ? " (no assignee)" : "");
            }
            return new Proposal(kind(), target, minutes + "-minute unblocker with " + with, participants, minutes,
                    title.render(event), false);
        }
    }
}
