package dev.breakdown.chatweb.activity;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.OutcomeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The actions and outcomes chat-web has read from Kafka, joined by action id, bounded to the newest
 * {@code breakdown.chat-web.activity.max-entries}. The live view and the assistant's tools read it.
 */
@Component
public class ActivityStore {
    private static final Comparator<ActivityEntry> NEWEST_FIRST = Comparator
            .comparing((ActivityEntry e) -> e.action().createdAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .reversed();

    private final int maxEntries;
    // Insertion order is arrival order, so the eldest entry is the first to go when the store is full.
    private final LinkedHashMap<String, ActivityEntry> byActionId = new LinkedHashMap<>();
    // An outcome can be read before its action (two topics, two partitions); it waits here for a while.
    private final LinkedHashMap<String, OutcomeEvent> earlyOutcomes = new LinkedHashMap<>();
    private final List<Consumer<ActivityEntry>> listeners = new CopyOnWriteArrayList<>();

    public ActivityStore(ActivityProperties properties) {
        this.maxEntries = properties.maxEntries();
    }

    /** Every entry kept, newest action first. */
    public List<ActivityEntry> entries() {
        List<ActivityEntry> copy;
        synchronized (this) {
            copy = new ArrayList<>(byActionId.values());
        }
        copy.sort(NEWEST_FIRST);
        return copy;
    }

    /** Called with each new or completed entry, on the consuming thread. */
    public void onChange(Consumer<ActivityEntry> listener) {
        listeners.add(listener);
    }

    public void addAction(String issueKey, ActionEvent action) {
        if (action == null || action.eventId() == null) {
            return;
        }
        ActivityEntry entry;
        synchronized (this) {
            ActivityEntry known = byActionId.get(action.eventId());
            OutcomeEvent outcome = known != null ? known.outcome() : earlyOutcomes.remove(action.eventId());
            entry = new ActivityEntry(issueKey, action, outcome);
            byActionId.put(action.eventId(), entry);
            trim(byActionId);
        }
        notifyListeners(entry);
    }

    public void addOutcome(OutcomeEvent outcome) {
        if (outcome == null || outcome.actionEventId() == null) {
            return;
        }
        ActivityEntry entry;
        synchronized (this) {
            ActivityEntry known = byActionId.get(outcome.actionEventId());
            if (known == null) {
                earlyOutcomes.put(outcome.actionEventId(), outcome);
                trim(earlyOutcomes);
                return;
            }
            entry = known.withOutcome(outcome);
            byActionId.put(outcome.actionEventId(), entry);
        }
        notifyListeners(entry);
    }

    private void trim(Map<String, ?> map) {
        Iterator<String> eldest = map.keySet().iterator();
        while (map.size() > maxEntries && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private void notifyListeners(ActivityEntry entry) {
        listeners.forEach(listener -> listener.accept(entry));
    }
}
