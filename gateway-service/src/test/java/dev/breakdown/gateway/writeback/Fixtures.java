package dev.breakdown.gateway.writeback;

import dev.breakdown.contracts.ActionEvent;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionEvents;
import dev.breakdown.platform.directory.TeamDirectory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues, actions and the team directory the write-back tests share. */
public final class Fixtures {

    public static final TeamDirectory DIRECTORY = TeamDirectory.read("""
            people:
              alice:
                name: Alice Liddell
                github: alice-gh
                jira: 5b10ac8d82e05b22cc7d4ef5
              bob:
                github: bob-gh
                jira: 5b10ac8d82e05b22cc7d0000
            teams:
              platform:
                github: acme/platform-team
                members: [bob]
              frontend:
                members: [alice]
            """, "test-teams.yml");

    /** A comment's audience that mentions nobody. */
    public static final Audience NOBODY = Audience.nobody("team:triage");

    private Fixtures() {
    }

    public static IssueEvent githubIssue(int number) {
        return IssueEvent.builder().eventId(UUID.randomUUID().toString()).projectId("alpha").source("github")
                .type("issue_opened").repo("acme/web").issueNumber(number).title("Date picker overflows the modal")
                .url("https://github.com/acme/web/issues/" + number).labels(List.of("frontend")).build();
    }

    public static IssueEvent jiraIssue(String key) {
        return IssueEvent.builder().eventId(UUID.randomUUID().toString()).projectId("alpha").source("jira")
                .type("issue_created").issueKey(key).title("Billing export fails")
                .url("https://acme.atlassian.net/browse/" + key).build();
    }

    /** The action the gateway records for this decision on this issue event. */
    public static ActionContext context(IssueEvent issue, String action, String target) {
        Decision decision = Decision.of(action, target, "because the test says so", action + "-policy");
        ActionEvent event = ActionEvents.of(issue, decision, Instant.now());
        return new ActionContext(event, decision, issue);
    }
}
