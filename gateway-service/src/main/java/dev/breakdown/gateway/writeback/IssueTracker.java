package dev.breakdown.gateway.writeback;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.platform.directory.Person;
import java.util.List;
import java.util.Optional;

/**
 * Writes actions back to the tracker an issue came from, one implementation per IssueEvent source (a bean, found
 * by {@link #source()}). With {@code live} false nothing is sent: the answer describes the requests it would send.
 * Live, it reads first and writes only what is missing, so a retried, replayed or redelivered action changes
 * nothing twice. Each method answers a one-line outcome detail.
 */
public interface IssueTracker {

    /** The IssueEvent source it writes to, e.g. github. */
    String source();

    /** What to set before it can send (names the variables); empty when it is configured. */
    Optional<String> missingConfiguration();

    /** Whether the event names an issue of this tracker (a repository and number, a Jira key). */
    boolean names(IssueEvent issue);

    String assign(ActionContext context, List<Person> people, boolean live);

    String escalate(ActionContext context, Escalation escalation, boolean live);

    /**
     * A comment carrying the marker {@code breakdown:action=<markerId>} (the action's id, or an id shared by the
     * actions that announce one thing, like one meeting), mentioning the audience; written only when no comment
     * carries the marker yet.
     */
    String comment(ActionContext context, String markerId, String text, Audience audience, boolean live);

    /** Dry-run's detail: the requests, in the order they would go. */
    static String wouldSend(String tracker, List<TrackerRequest> requests) {
        return tracker + " dry-run, would send: "
                + String.join(" | ", requests.stream().map(TrackerRequest::describe).toList());
    }
}
