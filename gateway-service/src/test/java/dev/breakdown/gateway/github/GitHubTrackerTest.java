package dev.breakdown.gateway.github;

import static dev.breakdown.gateway.writeback.Fixtures.DIRECTORY;
import static dev.breakdown.gateway.writeback.Fixtures.NOBODY;
import static dev.breakdown.gateway.writeback.Fixtures.context;
import static dev.breakdown.gateway.writeback.Fixtures.githubIssue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakdown.contracts.IssueEvent;
import dev.breakdown.gateway.action.ActionContext;
import dev.breakdown.gateway.action.ActionFailedException;
import dev.breakdown.gateway.standin.GitHubStandIn;
import dev.breakdown.gateway.standin.TrackerStandIn.Received;
import dev.breakdown.gateway.writeback.Audience;
import dev.breakdown.gateway.writeback.Escalation;
import dev.breakdown.gateway.writeback.RateLimitedException;
import dev.breakdown.gateway.writeback.RateLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** GitHubTracker against a local GitHub REST API: the requests, their bodies and headers, and what it leaves alone. */
class GitHubTrackerTest {

    static final String TOKEN = "ghp_testtoken0123456789";
    static final GitHubStandIn GITHUB = new GitHubStandIn().acceptToken(TOKEN);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GitHubTracker tracker = new GitHubConfig().gitHubTracker(
            new GitHubProperties(GITHUB.url(), TOKEN, null, null), RestClient.builder(), registry);

    @BeforeEach
    void reset() {
        GITHUB.reset();
    }

    @AfterAll
    static void stop() {
        GITHUB.close();
    }

    @Test
    void assignOwnerPostsTheDirectorysLoginWithGitHubsHeaders() {
        ActionContext assign = context(githubIssue(7), "assign_owner", "owner:alice");

        String detail = tracker.assign(assign, DIRECTORY.resolve("owner:alice"), true);

        assertThat(detail).isEqualTo("github: assigned alice-gh to acme/web#7");
        assertThat(GITHUB.writes()).hasSize(1);
        Received post = GITHUB.writes().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/repos/acme/web/issues/7/assignees");
        assertThat(post.body()).isEqualTo("{\"assignees\":[\"alice-gh\"]}");
        assertThat(GITHUB.received()).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(request.accept()).isEqualTo("application/vnd.github+json");
            assertThat(request.apiVersion()).isEqualTo("2022-11-28");
        });
        assertThat(GITHUB.assignees("acme/web", 7)).containsExactly("alice-gh");
    }

    @Test
    void assigningAnExistingAssigneeSendsNothing() {
        tracker.assign(context(githubIssue(8), "assign_owner", "owner:alice"), DIRECTORY.resolve("owner:alice"), true);

        // A later event of the same issue deciding the same (labeled after opened): a new action id, the same login.
        String detail = tracker.assign(context(githubIssue(8), "assign_owner", "owner:alice"),
                DIRECTORY.resolve("owner:alice"), true);

        assertThat(detail).isEqualTo("github: alice-gh already assigned to acme/web#8");
        assertThat(GITHUB.writes()).hasSize(1);
    }

    @Test
    void unmappedOwnerUsesTheIdAsLoginAndALoginGitHubSkipsIsAFailureSayingWhatToDo() {
        GITHUB.unassignable("zed");

        assertThatThrownBy(() -> tracker.assign(context(githubIssue(9), "assign_owner", "owner:zed"),
                DIRECTORY.resolve("owner:zed"), true))
                .isInstanceOf(ActionFailedException.class)
                .hasMessage("github did not assign zed to acme/web#9: they need access to acme/web "
                        + "(or set their login as github: in BREAKDOWN_TEAMS_FILE)");
        assertThat(GITHUB.writes()).extracting(Received::body).containsExactly("{\"assignees\":[\"zed\"]}");
    }

    @Test
    void escalationLabelsAndCommentsOncePerTeamUntilTheIssueChangesHands() {
        IssueEvent opened = githubIssue(10);
        ActionContext first = context(opened, "escalate_owner", "team:platform");

        String detail = tracker.escalate(first, escalation(), true);

        assertThat(GITHUB.writes()).extracting(Received::path)
                .containsExactly("/repos/acme/web/issues/10/labels", "/repos/acme/web/issues/10/comments");
        assertThat(GITHUB.writes().get(0).body()).isEqualTo("{\"labels\":[\"escalated\"]}");
        assertThat(GITHUB.comments("acme/web", 10)).singleElement().asString()
                .startsWith("Escalated to @acme/platform-team by Breakdown: p0 bug")
                .contains("<!-- breakdown:action=" + first.action().eventId() + " -->",
                        "<!-- breakdown:escalation=team:platform -->");
        assertThat(detail).startsWith("github: escalated acme/web#10 to team:platform: labelled escalated, commented https://");

        // labeled / edited after opened: the same decision with a new action id writes nothing.
        String again = tracker.escalate(context(githubIssue(10), "escalate_owner", "team:platform"), escalation(), true);
        assertThat(again).startsWith("github: already escalated to team:platform on acme/web#10");
        assertThat(GITHUB.writes()).hasSize(2);

        // Someone takes the issue: a later escalation comments again; the label is still there.
        GITHUB.event("acme/web", 10, "assigned");
        tracker.escalate(context(githubIssue(10), "escalate_owner", "team:platform"), escalation(), true);
        assertThat(GITHUB.writes()).extracting(Received::path).containsExactly("/repos/acme/web/issues/10/labels",
                "/repos/acme/web/issues/10/comments", "/repos/acme/web/issues/10/comments");
        assertThat(GITHUB.labels("acme/web", 10)).containsExactly("escalated");
    }

    @Test
    void replayedCommentActionPostsNoSecondComment() {
        ActionContext nudge = context(githubIssue(11), "post_nudge", "team:triage");

        String first = tracker.comment(nudge, nudge.action().eventId(), "Please take a look", NOBODY, true);
        String replayed = tracker.comment(nudge, nudge.action().eventId(), "Please take a look", NOBODY, true);

        assertThat(GITHUB.received("POST", "/comments")).hasSize(1);
        assertThat(GITHUB.comments("acme/web", 11)).containsExactly(
                "Please take a look\n<!-- breakdown:action=" + nudge.action().eventId() + " -->");
        assertThat(first).startsWith("github: commented on acme/web#11 (https://github.com/acme/web/issues/11#issuecomment-");
        assertThat(replayed).startsWith("github: already commented on acme/web#11");
    }

    @Test
    void commentMentionsTheTeamsSlugOrThePeoplesLogins() {
        tracker.comment(context(githubIssue(18), "post_nudge", "team:platform"), "m-18a", "Nudge",
                new Audience("team:platform", DIRECTORY.team("platform"), DIRECTORY.resolve("team:platform")), true);
        tracker.comment(context(githubIssue(18), "post_nudge", "owner:alice"), "m-18b", "Nudge",
                new Audience("owner:alice", java.util.Optional.empty(), DIRECTORY.resolve("owner:alice")), true);

        assertThat(GITHUB.comments("acme/web", 18)).containsExactly(
                "Nudge\n\ncc @acme/platform-team\n<!-- breakdown:action=m-18a -->",
                "Nudge\n\ncc @alice-gh\n<!-- breakdown:action=m-18b -->");
    }

    @Test
    void markerOnALaterPageOfCommentsIsFound() {
        ActionContext nudge = context(githubIssue(12), "post_nudge", "team:triage");
        tracker.comment(nudge, nudge.action().eventId(), "the first", NOBODY, true);
        for (int i = 0; i < 100; i++) {
            GITHUB.comment("acme/web", 12, "a person's comment " + i);
        }
        int posts = GITHUB.received("POST", "/comments").size();

        tracker.comment(nudge, nudge.action().eventId(), "the first", NOBODY, true);

        assertThat(GITHUB.received("POST", "/comments")).hasSize(posts);
        assertThat(GITHUB.received().get(GITHUB.received().size() - 1).query()).isEqualTo("per_page=100&page=2");
    }

    @Test
    void dryRunSendsNothingAndDescribesEveryRequest() {
        ActionContext escalate = context(githubIssue(13), "escalate_owner", "team:platform");

        String detail = tracker.escalate(escalate, escalation(), false);

        assertThat(GITHUB.received()).isEmpty();
        assertThat(detail).startsWith("github dry-run, would send: POST " + GITHUB.url()
                + "/repos/acme/web/issues/13/labels {\"labels\":[\"escalated\"]} | POST " + GITHUB.url()
                + "/repos/acme/web/issues/13/comments {\"body\":\"Escalated to @acme/platform-team by Breakdown: p0 bug")
                .doesNotContain(TOKEN);
    }

    @Test
    void secondaryRateLimitWaitsRetryAfterWithoutSendingInBetween() throws Exception {
        GITHUB.answerNext(r -> r.is("POST", "/comments"), 1, 403, Map.of("Retry-After", "1"),
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}");
        ActionContext nudge = context(githubIssue(14), "post_nudge", "team:triage");

        assertThatThrownBy(() -> tracker.comment(nudge, nudge.action().eventId(), "hello", NOBODY, true))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                        .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1))));
        int sent = GITHUB.received().size();
        assertThatThrownBy(() -> tracker.comment(nudge, nudge.action().eventId(), "hello", NOBODY, true)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent");
        assertThat(GITHUB.received()).as("nothing sent before Retry-After").hasSize(sent);

        Thread.sleep(1100);
        tracker.comment(nudge, nudge.action().eventId(), "hello", NOBODY, true);
        assertThat(GITHUB.comments("acme/web", 14)).hasSize(1);
    }

    @Test
    void spentQuotaWaitsForTheReset() {
        long reset = java.time.Instant.now().plusSeconds(30).getEpochSecond();
        GITHUB.answerNext(r -> r.is("POST", "/assignees"), 1, 429,
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)),
                "{\"message\":\"API rate limit exceeded\"}");

        assertThatThrownBy(() -> tracker.assign(context(githubIssue(15), "assign_owner", "owner:alice"),
                DIRECTORY.resolve("owner:alice"), true))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                        .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30))));
        assertThat(registry.get(RateLimits.GAUGE).tag("tracker", "github").gauge().value()).isZero();
    }

    @Test
    void remainingQuotaIsAGauge() {
        tracker.comment(context(githubIssue(16), "post_nudge", "team:triage"), "m-16", "hello", NOBODY, true);

        double remaining = registry.get(RateLimits.GAUGE).tag("tracker", "github").gauge().value();
        assertThat(remaining).isBetween(1.0, 4999.0);
    }

    @Test
    void refusedCredentialsAreAFailureThatNamesNoToken() {
        GitHubTracker wrong = new GitHubConfig().gitHubTracker(new GitHubProperties(GITHUB.url(), "ghp_wrong", null, null),
                RestClient.builder(), new SimpleMeterRegistry());

        assertThatThrownBy(() -> wrong.comment(context(githubIssue(17), "post_nudge", "team:triage"), "m-17", "hello", NOBODY, true))
                .isInstanceOf(ActionFailedException.class)
                .hasMessage("github answered 401 to GET /repos/acme/web/issues/17/comments: Bad credentials");
    }

    private static Escalation escalation() {
        return new Escalation(new Audience("team:platform", DIRECTORY.team("platform"), DIRECTORY.resolve("team:platform")),
                "escalated", "p0 bug");
    }
}
