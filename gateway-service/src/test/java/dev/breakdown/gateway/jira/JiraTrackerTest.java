package dev.breakdown.gateway.jira;

import static dev.breakdown.gateway.writeback.Fixtures.DIRECTORY;
import static dev.breakdown.gateway.writeback.Fixtures.NOBODY;
import static dev.breakdown.gateway.writeback.Fixtures.context;
import static dev.breakdown.gateway.writeback.Fixtures.jiraIssue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionFailedException;
import dev.breakdown.gateway.standin.JiraStandIn;
import dev.breakdown.gateway.standin.TrackerStandIn.Received;
import dev.breakdown.gateway.writeback.Audience;
import dev.breakdown.gateway.writeback.Escalation;
import dev.breakdown.gateway.writeback.RateLimitedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** JiraTracker against a local Jira Cloud REST API v3: account-id assignees, label updates, ADF comments with markers. */
class JiraTrackerTest {

    static final String EMAIL = "bot@acme.example";
    static final String API_TOKEN = "ATATT-test-token";
    static final JiraStandIn JIRA = new JiraStandIn(EMAIL, API_TOKEN);

    private final JiraTracker tracker = new JiraConfig().jiraTracker(new JiraProperties(JIRA.url(), EMAIL, API_TOKEN),
            RestClient.builder(), new SimpleMeterRegistry());

    @BeforeEach
    void reset() {
        JIRA.reset();
    }

    @AfterAll
    static void stop() {
        JIRA.close();
    }

    @Test
    void assignOwnerPutsTheAccountIdWithBasicAuthOnce() {
        String detail = tracker.assign(context(jiraIssue("PROJ-1"), "assign_owner", "owner:alice"),
                DIRECTORY.resolve("owner:alice"), true);
        String again = tracker.assign(context(jiraIssue("PROJ-1"), "assign_owner", "owner:alice"),
                DIRECTORY.resolve("owner:alice"), true);

        assertThat(detail).isEqualTo("jira: assigned alice (5b10ac8d82e05b22cc7d4ef5) to PROJ-1");
        assertThat(again).isEqualTo("jira: alice already assigned to PROJ-1");
        assertThat(JIRA.writes()).singleElement().satisfies(put -> {
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.path()).isEqualTo("/rest/api/3/issue/PROJ-1/assignee");
            assertThat(put.body()).isEqualTo("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}");
        });
        assertThat(JIRA.received()).allSatisfy(r -> assertThat(r.authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes())));
        assertThat(JIRA.assignee("PROJ-1")).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
    }

    @Test
    void unmappedTargetIsAFailureSayingWhatToAddAndSendsNothing() {
        for (boolean live : new boolean[] {true, false}) {
            assertThatThrownBy(() -> tracker.assign(context(jiraIssue("PROJ-2"), "assign_owner", "owner:zed"),
                    DIRECTORY.resolve("owner:zed"), live))
                    .isInstanceOf(ActionFailedException.class)
                    .hasMessage("no Jira account id for owner:zed: add \"jira: <accountId>\" for zed under people: in "
                            + "the team directory (BREAKDOWN_TEAMS_FILE)");
        }
        assertThat(JIRA.received()).isEmpty();
    }

    @Test
    void commentIsAtlassianDocumentFormatEndingInTheMarkerAndIsNotPostedTwice() {
        ActionContext nudge = context(jiraIssue("PROJ-3"), "post_nudge", "team:triage");

        tracker.comment(nudge, nudge.action().eventId(), "Please take a look", NOBODY, true);
        String replayed = tracker.comment(nudge, nudge.action().eventId(), "Please take a look", NOBODY, true);

        assertThat(JIRA.writes()).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo("/rest/api/3/issue/PROJ-3/comment");
            assertThat(post.body()).isEqualTo("{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":["
                    + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Please take a look\"}]},"
                    + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"breakdown:action="
                    + nudge.action().eventId() + "\",\"marks\":[{\"type\":\"code\"}]}]}]}}");
        });
        assertThat(replayed).startsWith("jira: already commented on PROJ-3 (comment ");
    }

    @Test
    void commentMentionsThePeopleWithAJiraAccountId() {
        tracker.comment(context(jiraIssue("PROJ-8"), "post_nudge", "owner:alice"), "m-8", "Nudge",
                new Audience("owner:alice", java.util.Optional.empty(), DIRECTORY.resolve("owner:alice")), true);

        assertThat(JIRA.writes()).singleElement().satisfies(post -> assertThat(post.body()).contains(
                "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"cc \"},{\"type\":\"mention\","
                        + "\"attrs\":{\"id\":\"5b10ac8d82e05b22cc7d4ef5\",\"text\":\"@Alice Liddell\"}}"));
    }

    @Test
    void escalationLabelsAndMentionsOnceUntilTheIssueIsResolvedOrReassigned() {
        tracker.escalate(context(jiraIssue("PROJ-4"), "escalate_owner", "team:platform"), escalation(), true);

        assertThat(JIRA.writes()).extracting(Received::method, Received::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PUT", "/rest/api/3/issue/PROJ-4"),
                org.assertj.core.groups.Tuple.tuple("POST", "/rest/api/3/issue/PROJ-4/comment"));
        assertThat(JIRA.writes().get(0).body()).isEqualTo("{\"update\":{\"labels\":[{\"add\":\"escalated\"}]}}");
        assertThat(JIRA.writes().get(1).body()).contains(
                "{\"type\":\"mention\",\"attrs\":{\"id\":\"5b10ac8d82e05b22cc7d0000\",\"text\":\"@bob\"}}",
                "breakdown:escalation=team:platform");
        assertThat(JIRA.labels("PROJ-4")).containsExactly("escalated");

        String again = tracker.escalate(context(jiraIssue("PROJ-4"), "escalate_owner", "team:platform"), escalation(), true);
        assertThat(again).startsWith("jira: already escalated to team:platform on PROJ-4");
        assertThat(JIRA.writes()).hasSize(2);

        JIRA.change("PROJ-4", "resolution");
        tracker.escalate(context(jiraIssue("PROJ-4"), "escalate_owner", "team:platform"), escalation(), true);
        assertThat(JIRA.writes()).hasSize(3);
        assertThat(JIRA.comments("PROJ-4")).hasSize(2);
    }

    @Test
    void tooManyRequestsWaitsRetryAfter() {
        JIRA.answerNext(r -> r.is("POST", "/comment"), 1, 429, Map.of("Retry-After", "7"), "{\"errorMessages\":[\"Rate limit exceeded.\"]}");

        assertThatThrownBy(() -> tracker.comment(context(jiraIssue("PROJ-5"), "post_nudge", "team:triage"), "m-5", "hi", NOBODY, true))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                        .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(7))));
        assertThat(JIRA.comments("PROJ-5")).isEmpty();
    }

    @Test
    void dryRunSendsNothing() {
        String detail = tracker.assign(context(jiraIssue("PROJ-6"), "assign_owner", "owner:alice"),
                DIRECTORY.resolve("owner:alice"), false);

        assertThat(JIRA.received()).isEmpty();
        assertThat(detail).isEqualTo("jira dry-run, would send: PUT " + JIRA.url()
                + "/rest/api/3/issue/PROJ-6/assignee {\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}");
    }

    private static Escalation escalation() {
        return new Escalation(new Audience("team:platform", DIRECTORY.team("platform"), DIRECTORY.resolve("team:platform")),
                "escalated", "p0 bug");
    }
}
