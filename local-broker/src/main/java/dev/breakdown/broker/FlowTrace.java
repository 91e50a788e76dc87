package dev.breakdown.broker;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.Json;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.contracts.Topics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Follows issue events through the pipeline: the actions they produced and each action's outcome. */
final class FlowTrace {
    private final Properties connection;

    FlowTrace(Properties connection) {
        this.connection = connection;
    }

    int print(CliArgs options) {
        List<String> eventIds = Arrays.stream(options.required("event-ids").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        Map<String, List<ActionEvent>> actionsByEvent = new LinkedHashMap<>();
        Map<String, OutcomeEvent> outcomesByAction = new LinkedHashMap<>();
        eventIds.forEach(id -> actionsByEvent.put(id, new ArrayList<>()));

        new TopicReader(connection).read(List.of(Topics.ACTIONS, Topics.OUTCOMES), options.timeout(30), record -> {
            if (record.topic().equals(Topics.ACTIONS)) {
                ActionEvent action = Json.mapper().readValue(record.value(), ActionEvent.class);
                List<ActionEvent> list = actionsByEvent.get(action.sourceEventId());
                if (list != null && list.stream().noneMatch(a -> a.eventId().equals(action.eventId()))) {
                    list.add(action);
                }
            } else {
                OutcomeEvent outcome = Json.mapper().readValue(record.value(), OutcomeEvent.class);
                outcomesByAction.putIfAbsent(outcome.actionEventId(), outcome);
            }
            return complete(actionsByEvent, outcomesByAction);
        });

        actionsByEvent.forEach((eventId, actions) -> {
            System.out.println("event " + eventId);
            if (actions.isEmpty()) {
                System.out.println("  (no action seen yet)");
            }
            for (ActionEvent a : actions) {
                System.out.printf("  action  %s → %s   (policy %s)%n", a.action(), a.target(), a.policy());
                OutcomeEvent o = outcomesByAction.get(a.eventId());
                System.out.println(o == null ? "  outcome (none seen yet)"
                        : String.format(Locale.ROOT, "  outcome ack: %s  risk_delta: %+.2f  detail: %s",
                                o.ack(), o.riskDelta(), o.detail()));
            }
        });
        return complete(actionsByEvent, outcomesByAction) ? 0 : 1;
    }

    private static boolean complete(Map<String, List<ActionEvent>> actions, Map<String, OutcomeEvent> outcomes) {
        return actions.values().stream().allMatch(list -> !list.isEmpty()
                && list.stream().allMatch(a -> outcomes.containsKey(a.eventId())));
    }
}
