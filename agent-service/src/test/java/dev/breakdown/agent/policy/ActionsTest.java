package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakdown.contracts.agent.Decision;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every action kind and assignment strategy, through small policy files. */
class ActionsTest {

    private static final String TEAMS = """
            teams:
              triage:
              web:
                members:
                  - ann
                  - name: ben
                    out_of_office: [{from: 2025-10-18, to: 2025-10-24}]
                  - cat
                  - name: dee
                    zone: Asia/Tokyo
                    hours: "09:00-17:00"
            """;

    private static PolicyHarness then(String actions) {
        return PolicyHarness.of(TEAMS + """
                rules:
                  - name: r
                    description: Test rule
                    then:
                %s
                """.formatted(actions.indent(6).stripTrailing()));
    }

    @Test
    void escalateOwnerTargetsTheTeam() {
        Decision d = then("- escalate_owner: {team: triage}").only(issue().build());

        assertThat(d.action()).isEqualTo("escalate_owner");
        assertThat(d.target()).isEqualTo("team:triage");
        assertThat(d.policy()).isEqualTo("r");
        assertThat(d.rationale()).isEqualTo("Test rule: no conditions; escalated to team triage");
    }

    @Test
    void assignOwnerWithAFixedOwner() {
        Decision d = then("- assign_owner: {owner: zoe}").only(issue().build());

        assertThat(d.target()).isEqualTo("owner:zoe");
        assertThat(d.rationale()).endsWith("assigned to zoe (fixed owner)");
    }

    @Test
    void rotationGivesTheSameOwnerWhenTheSameEventIsReplayed() {
        var event = issue().issueNumber(41).build();
        String first = then("- assign_owner: {strategy: rotation, team: web}").only(event).target();

        assertThat(then("- assign_owner: {strategy: rotation, team: web}").only(event).target()).isEqualTo(first);
        assertThat(then("- assign_owner: {strategy: rotation, team: web}").only(event.toBuilder().eventId("evt-2").build())
                .target()).as("a later event of the same issue").isEqualTo(first);
    }

    @Test
    void rotationSpreadsIssuesOverAvailableMembersOnly() {
        PolicyHarness rotation = then("- assign_owner: {strategy: rotation, team: web}");
        Set<String> owners = new HashSet<>();
        for (int n = 1; n <= 40; n++) {
            owners.add(rotation.only(issue().eventId("e-" + n).issueNumber(n).build()).target());
        }
        // Monday 12:00 UTC: ben is out of office, dee's day in Tokyo (21:00) is over.
        assertThat(owners).containsExactlyInAnyOrder("owner:ann", "owner:cat");
    }

    @Test
    void rotationFallsBackToMembersInOfficeOutsideWorkingHours() {
        PolicyHarness rotation = then("- assign_owner: {strategy: rotation, team: web}");
        Set<String> owners = new HashSet<>();
        Instant saturday = Instant.parse("2025-10-25T12:00:00Z");
        for (int n = 1; n <= 40; n++) {
            owners.add(rotation.only(issue().eventId("e-" + n).issueNumber(n).updatedAt(saturday).build()).target());
        }
        assertThat(owners).containsExactlyInAnyOrder("owner:ann", "owner:ben", "owner:cat", "owner:dee");
    }

    @Test
    void leastLoadedPicksTheMemberWithFewestOpenIssuesAndCountsReplaysOnce() {
        PolicyHarness least = then("- assign_owner: {strategy: least_loaded, team: web}");
        String first = least.only(issue().eventId("a").issueNumber(1).build()).target();
        least.only(issue().eventId("a").issueNumber(1).build()); // replayed
        String second = least.only(issue().eventId("b").issueNumber(2).build()).target();

        assertThat(List.of(first, second)).containsExactlyInAnyOrder("owner:ann", "owner:cat");
        assertThat(least.rows("assignment")).isEqualTo(2);
        assertThat(least.only(issue().eventId("c").issueNumber(1).build()).target())
                .as("an issue we assigned keeps its owner").isEqualTo(first);
    }

    @Test
    void closingAnIssueReleasesItsLoad() {
        PolicyHarness least = PolicyHarness.of(TEAMS + """
                rules:
                  - name: assign
                    when: {state: open}
                    then: {assign_owner: {strategy: least_loaded, team: web}}
                """);
        String first = least.only(issue().eventId("a").issueNumber(1).build()).target();
        least.run(issue().eventId("close").issueNumber(1).type("issue_closed").state("closed").build());
        String second = least.only(issue().eventId("b").issueNumber(2).build()).target();
        String third = least.only(issue().eventId("c").issueNumber(3).build()).target();

        assertThat(second).as("ann and cat both have no open issue again").isIn("owner:ann", "owner:cat");
        assertThat(third).isNotEqualTo(second);
        assertThat(first).isIn("owner:ann", "owner:cat");
    }

    @Test
    void unblockerWithTheAssigneeOrTheTeam() {
        PolicyHarness unblock = then("""
                - schedule_unblocker: {participants: assignee, team: triage, duration_min: 30, title: "Unblock {title} ({priority})"}""");
        Decision withBob = unblock.only(issue().assignee("bob").priority("High").build());
        Decision noOne = unblock.only(issue().build());

        assertThat(withBob.target()).isEqualTo("owner:bob");
        assertThat(withBob.participants()).containsExactly("bob");
        assertThat(withBob.durationMin()).isEqualTo(30);
        assertThat(withBob.message()).isEqualTo("Unblock Something is off (High)");
        assertThat(noOne.target()).isEqualTo("team:triage");
        assertThat(noOne.participants()).containsExactly("team:triage");
        assertThat(noOne.rationale()).endsWith("30-minute unblocker with team triage (no assignee)");
    }

    @Test
    void unblockerWithAFixedListOrTheTeam() {
        Decision people = then("- schedule_unblocker: {participants: [ann, cat]}").only(issue().assignee("bob").build());
        Decision team = then("- schedule_unblocker: {participants: team, team: web}").only(issue().build());

        assertThat(people.participants()).containsExactly("ann", "cat");
        assertThat(people.durationMin()).isEqualTo(15);
        assertThat(people.message()).isEqualTo("Unblock: Something is off");
        assertThat(team.target()).isEqualTo("team:web");
    }

    @Test
    void nudgeRendersTheTemplateAndCanGoToTheAssignee() {
        PolicyHarness nudge = then("""
                - post_nudge: {team: triage, assignee: true, message: "{title} is due {due_at} ({priority}, {assignee}) {url}"}""");

        Decision toBob = nudge.only(issue().assignee("bob").dueAt("2025-10-22").priority("P1").build());
        Decision toTeam = nudge.only(issue().build());

        assertThat(toBob.target()).isEqualTo("owner:bob");
        assertThat(toBob.message()).isEqualTo("Something is off is due 2025-10-22 (P1, bob) https://github.com/acme/web/issues/7");
        assertThat(toTeam.target()).isEqualTo("team:triage");
        assertThat(toTeam.message()).isEqualTo("Something is off is due (, ) https://github.com/acme/web/issues/7");
    }

    @Test
    void ruleWithContinueLetsLaterRulesActToo() {
        PolicyHarness two = PolicyHarness.of(TEAMS + """
                rules:
                  - name: tell-triage
                    continue: true
                    when: {labels: {any: [bug]}}
                    then:
                      - post_nudge: {team: triage}
                      - escalate_owner: {team: web}
                  - name: assign
                    then: {assign_owner: {owner: ann}}
                  - name: never
                    then: {assign_owner: {owner: cat}}
                """);

        assertThat(two.run(issue("bug").build())).extracting(Decision::action, Decision::policy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("post_nudge", "tell-triage"),
                org.assertj.core.groups.Tuple.tuple("escalate_owner", "tell-triage"),
                org.assertj.core.groups.Tuple.tuple("assign_owner", "assign"));
        assertThat(two.run(issue().build())).extracting(Decision::policy).containsExactly("assign");
    }
}
