package dev.breakdown.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.OutcomeEvent;
import dev.breakdown.e2e.IssueStream.Planned;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The exactly-once checks on what a read_committed reader of actions and outcomes sees. */
final class ExactlyOnce {

    private ExactlyOnce() {
    }

    static void assertEachEventHasExactlyItsActionAndOutcome(List<Planned> stream, FlowLedger ledger) {
        Map<String, List<ActionEvent>> bySource = ledger.actionsBySourceEvent();
        List<String> missing = stream.stream().map(p -> p.event().eventId()).filter(id -> !bySource.containsKey(id)).toList();
        assertThat(missing).as("events without an action").isEmpty();
        List<String> wrong = stream.stream()
                .filter(p -> bySource.get(p.event().eventId()).stream().map(ActionEvent::action).toList()
                        .equals(List.of(p.expectedAction())) == false)
                .map(p -> p.event().eventId() + " expected [" + p.expectedAction() + "] got "
                        + bySource.get(p.event().eventId()).stream().map(ActionEvent::action).toList())
                .toList();
        assertThat(wrong).as("events whose actions are not exactly the expected one").isEmpty();

        Map<String, Long> doubledActions = ledger.actionCountById().entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(doubledActions).as("action event ids on actions more than once").isEmpty();
        assertThat(ledger.actions).hasSize(stream.size());

        Map<String, Long> outcomes = ledger.outcomeCountByActionId();
        List<String> withoutOutcome = ledger.actions.stream().map(ActionEvent::eventId)
                .filter(id -> !outcomes.containsKey(id)).toList();
        assertThat(withoutOutcome).as("actions without an outcome").isEmpty();
        assertThat(outcomes.entrySet().stream().filter(e -> e.getValue() != 1).toList())
                .as("actions with more than one outcome").isEmpty();
        assertThat(ledger.outcomes).hasSize(stream.size());
        assertThat(ledger.outcomes.stream().filter(o -> !o.ack()).map(OutcomeEvent::detail).toList())
                .as("outcomes that failed").isEmpty();
    }
}
