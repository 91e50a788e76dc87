package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.DEFAULTS;
import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.agent.Decision;
import org.junit.jupiter.api.Test;

class NewIssueTriagePolicyTest {

    private final NewIssueTriagePolicy policy = new NewIssueTriagePolicy(DEFAULTS);

    @Test
    void openedIssueIsNudgedToTriage() {
        Decision decision = policy.decide(issue().type("issue_opened").title("Docs are stale").build()).orElseThrow();

        assertThat(decision.action()).isEqualTo("post_nudge");
        assertThat(decision.target()).isEqualTo("team:triage");
        assertThat(decision.policy()).isEqualTo("new-issue-triage");
        assertThat(decision.message())
                .isEqualTo("New issue needs triage: Docs are stale https://github.com/acme/web/issues/7");
    }

    @Test
    void createdJiraIssueIsNudgedToTriage() {
        assertThat(policy.decide(issue().source("jira").type("issue_created").build())).isPresent();
    }

    @Test
    void updatedOrClosedIssueIsNotNudged() {
        assertThat(policy.decide(issue().type("issue_updated").build())).isEmpty();
        assertThat(policy.decide(issue().type("issue_closed").build())).isEmpty();
    }
}
