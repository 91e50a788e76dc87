package dev.breakdown.gateway.writeback;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionFailedException;
import dev.breakdown.platform.directory.Person;
import dev.breakdown.platform.directory.Team;
import dev.breakdown.platform.directory.TeamDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The write-back step executors call after their own work: picks the issue's tracker by its source, decides live or
 * dry-run (WRITEBACK_MODE, WRITEBACK_LIVE_PROJECTS) and resolves targets through the team directory.
 */
@Component
public class WriteBack {

    private static final Logger log = LoggerFactory.getLogger(WriteBack.class);

    private final Map<String, IssueTracker> trackers;
    private final WritebackProperties properties;
    private final TeamDirectory directory;

    public WriteBack(List<IssueTracker> trackers, WritebackProperties properties, TeamDirectory directory) {
        this.trackers = trackers.stream().collect(Collectors.toUnmodifiableMap(IssueTracker::source, Function.identity()));
        this.properties = properties;
        this.directory = directory;
    }

    /** assign_owner: the target's people become the issue's assignees. */
    public String assign(ActionContext context) {
        return run(context, (tracker, live) -> tracker.assign(context, people(context), live));
    }

    /** escalate_owner: the escalation label and a comment mentioning the target. */
    public String escalate(ActionContext context) {
        String target = context.action().target();
        String reason = context.action().rationale() == null ? "" : context.action().rationale();
        return run(context, (tracker, live) -> tracker.escalate(context,
                new Escalation(new Audience(target, team(target), people(context)), properties.escalationLabel(), reason), live));
    }

    /** A comment on the issue (post_nudge), marked with the action's id. */
    public String comment(ActionContext context, String text) {
        return comment(context, context.action().eventId(), text);
    }

    /** A comment marked with an id several actions share (one meeting announced once, whichever action booked it). */
    public String comment(ActionContext context, String markerId, String text) {
        return run(context, (tracker, live) -> tracker.comment(context, markerId, text, audience(context), live));
    }

    private String run(ActionContext context, BiFunction<IssueTracker, Boolean, String> write) {
        IssueEvent issue = context.issue();
        IssueTracker tracker = issue.source() == null ? null : trackers.get(issue.source());
        if (tracker == null || !tracker.names(issue)) {
            return "not written back: the event names no GitHub or Jira issue";
        }
        boolean live = properties.isLiveFor(issue.projectId());
        if (live) {
            tracker.missingConfiguration().ifPresent(missing -> {
                throw new ActionFailedException(tracker.source() + " write-back is live but not configured: " + missing, null);
            });
        }
        String detail = write.apply(tracker, live);
        if (live) {
            log.info("{} {} for {}: {}", context.action().action(), context.action().eventId(), issue.topicKey(), detail);
        } else {
            log.info("{} {} for {} (project {} is not live): {}", context.action().action(), context.action().eventId(),
                    issue.topicKey(), issue.projectId(), detail);
        }
        return detail;
    }

    // A comment is written even when the directory cannot resolve its target; it then mentions nobody.
    private Audience audience(ActionContext context) {
        String target = context.action().target();
        try {
            return new Audience(target, team(target), directory.resolve(target));
        } catch (IllegalArgumentException unknown) {
            return Audience.nobody(target);
        }
    }

    private Optional<Team> team(String target) {
        return target != null && target.startsWith("team:") ? directory.team(target.substring("team:".length()))
                : Optional.empty();
    }

    private List<Person> people(ActionContext context) {
        try {
            return directory.resolve(context.action().target());
        } catch (IllegalArgumentException e) {
            throw new ActionFailedException(e.getMessage(), e);
        }
    }
}
