package dev.breakdown.agent.policy;

import dev.breakdown.agent.AgentProperties;
import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A new issue that no earlier rule claimed is brought to the triage team's attention. */
@Component
@Order(400)
public class NewIssueTriagePolicy implements Policy {

    public static final String NAME = "new-issue-triage";

    private final AgentProperties properties;

    public NewIssueTriagePolicy(AgentProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Decision> decide(IssueEvent event) {
        if (!event.isNewIssue()) {
            return Optional.empty();
        }
        String title = event.title() == null || event.title().isBlank() ? "(untitled)" : event.title().trim();
        String message = "New issue needs triage: " + title
                + (event.url() == null || event.url().isBlank() ? "" : " " + event.url().trim());
        String rationale = "New issue: no other rule matched, so team " + properties.triageTeam() + " should triage it";
        return Optional.of(new Decision(ActionEvent.POST_NUDGE, properties.triageTarget(), rationale, NAME,
                null, null, message));
    }
}
