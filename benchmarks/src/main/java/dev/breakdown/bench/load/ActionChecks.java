package dev.breakdown.bench.load;

import dev.breakdown.bench.FlowFollower;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The exactly-once check of a set of events as a read_committed reader sees them: each has exactly the one action its
 * policy decides, on {@code actions} once, with exactly one outcome.
 */
final class ActionChecks {
    long actionRecords;
    long distinctActions;
    long withoutAction;
    long wrongActions;
    long duplicateActions;
    long outcomeRecords;
    long withoutOutcome;
    long duplicateOutcomes;
    long ackFalse;
    final List<String> problems = new ArrayList<>();

    ActionChecks(Iterable<String> eventIds, Function<String, Kind> kindOf, FlowFollower follower) {
        for (String id : eventIds) {
            Kind kind = kindOf.apply(id);
            List<FlowFollower.Action> actions = follower.actionsOf(id);
            if (actions.isEmpty()) {
                withoutAction++;
                problems.add("event without action: " + id);
                continue;
            }
            if (actions.size() != 1 || kind == null || !actions.get(0).action.equals(kind.action)) {
                wrongActions++;
                problems.add("event " + id + " has actions " + actions.stream().map(a -> a.action).toList()
                        + ", expected [" + (kind == null ? "?" : kind.action) + "]");
            }
            for (FlowFollower.Action a : actions) {
                distinctActions++;
                actionRecords += a.records;
                if (a.records > 1) {
                    duplicateActions++;
                    problems.add("action " + a.id + " of " + id + " is on actions " + a.records + " times");
                }
                FlowFollower.Outcome o = follower.outcomeOf(a.id);
                if (o == null) {
                    withoutOutcome++;
                    problems.add("action " + a.id + " of " + id + " has no outcome");
                    continue;
                }
                outcomeRecords += o.records;
                if (o.records > 1) {
                    duplicateOutcomes++;
                    problems.add("action " + a.id + " of " + id + " has " + o.records + " outcomes");
                }
                ackFalse += o.ack ? 0 : 1;
            }
        }
    }

    void putInto(Map<String, Object> counts) {
        counts.put("action records", actionRecords);
        counts.put("distinct actions", distinctActions);
        counts.put("events without action", withoutAction);
        counts.put("events without exactly their expected action", wrongActions);
        counts.put("actions on actions more than once", duplicateActions);
        counts.put("outcome records", outcomeRecords);
        counts.put("actions without outcome", withoutOutcome);
        counts.put("actions with more than one outcome", duplicateOutcomes);
        counts.put("outcomes ack false (reported, not a loss)", ackFalse);
    }
}
