package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.agent.MutableClock;
import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.contracts.agent.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beyond the limit per target and window, one notice goes out, the rest are held and arrive as one digest. */
class NudgeLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-20T12:05:00Z"));
    private final PolicyHarness policies = PolicyHarness.of("""
            notifications: {max: 2, per: 1h}
            teams: {triage: }
            rules:
              - name: nudge
                then: {post_nudge: {team: triage, assignee: true, message: "{title}"}}
            """, clock);

    private static IssueEvent event(int n) {
        return issue().eventId("e-" + n).issueNumber(n).title("Issue " + n).build();
    }

    private List<String> messages(IssueEvent event) {
        return policies.run(event).stream().map(Decision::message).toList();
    }

    @Test
    void nudgesBeyondTheLimitAreHeldAndSentAsOneDigestInTheNextWindow() {
        assertThat(messages(event(1))).containsExactly("Issue 1");
        assertThat(messages(event(2))).containsExactly("Issue 2");
        assertThat(messages(event(3))).containsExactly("Nudge limit reached for team:triage (2 per 1h): further nudges "
                + "until 2025-10-20T13:00:00Z are held and sent as one digest after that.\n\nIssue 3");
        assertThat(messages(event(4))).isEmpty();
        assertThat(messages(event(5))).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(messages(event(6))).containsExactly("Issue 6\n\nDigest: 2 nudges for team:triage were held while "
                + "the limit was reached:\n- Issue 4\n- Issue 5");
        assertThat(messages(event(7))).containsExactly("Issue 7");
    }

    @Test
    void replayedEventGetsTheSameAnswer() {
        for (int n = 1; n <= 4; n++) {
            policies.run(event(n));
        }
        clock.advance(Duration.ofHours(3));

        assertThat(messages(event(1))).containsExactly("Issue 1");
        assertThat(messages(event(3))).singleElement().asString().startsWith("Nudge limit reached");
        assertThat(messages(event(4))).as("held stays held").isEmpty();
        assertThat(policies.rows("nudge")).isEqualTo(4);
    }

    @Test
    void eachTargetHasItsOwnLimit() {
        policies.run(event(1));
        policies.run(event(2));

        assertThat(messages(event(3).toBuilder().assignee("bob").build())).containsExactly("Issue 3");
    }

    @Test
    void explainShowsAHeldNudgeWithoutRecordingIt() {
        for (int n = 1; n <= 3; n++) {
            policies.run(event(n));
        }
        Explanation explanation = policies.explain(event(4));

        assertThat(explanation.decisions()).isEmpty();
        assertThat(explanation.rules().get(0).held()).singleElement()
                .satisfies(d -> assertThat(d.rationale()).contains("held for the digest"));
        assertThat(policies.rows("nudge")).isEqualTo(3);
    }
}
