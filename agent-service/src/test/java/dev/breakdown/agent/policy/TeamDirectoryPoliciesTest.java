package dev.breakdown.agent.policy;

import static dev.breakdown.agent.policy.Events.issue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.breakdown.agent.policy.yaml.PolicyFileException;
import dev.breakdown.agent.policy.yaml.Problem;
import dev.breakdown.platform.directory.TeamDirectory;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policies name teams of the shared team directory; a policy file's own (older) teams: section still works. */
class TeamDirectoryPoliciesTest {

    /** Monday 2025-10-20: ann works in Berlin, ben in Tokyo, cat is away all week. */
    private static final TeamDirectory DIRECTORY = TeamDirectory.read("""
            people:
              ann: {zone: Europe/Berlin, hours: "09:00-17:00"}
              ben: {zone: Asia/Tokyo, hours: "09:00-17:00"}
              cat:
                out_of_office: [{from: 2025-10-20, to: 2025-10-24}]
            teams:
              web:
                members: [ann, ben, cat]
              ops:
                members: [olga]
            """, "teams.yml");

    private static final String ROTATE_WEB = """
            rules:
              - name: r
                then: {assign_owner: {strategy: rotation, team: web}}
            """;

    private static Set<String> owners(PolicyHarness policies, Instant at) {
        Set<String> owners = new HashSet<>();
        for (int n = 1; n <= 40; n++) {
            owners.add(policies.only(issue().eventId("e-" + n).issueNumber(n).updatedAt(at).build()).target());
        }
        return owners;
    }

    @Test
    void directoryTeamsNeedNoTeamsSectionAndUseEachPersonsZoneAndAbsences() {
        // a fresh harness each time: an issue once assigned keeps its owner
        assertThat(owners(PolicyHarness.of(ROTATE_WEB, DIRECTORY), Instant.parse("2025-10-20T10:00:00Z")))
                .as("12:00 Berlin, 19:00 Tokyo").containsExactly("owner:ann");
        assertThat(owners(PolicyHarness.of(ROTATE_WEB, DIRECTORY), Instant.parse("2025-10-20T02:00:00Z")))
                .as("04:00 Berlin, 11:00 Tokyo").containsExactly("owner:ben");
        assertThat(owners(PolicyHarness.of(ROTATE_WEB, DIRECTORY), Instant.parse("2025-10-20T20:00:00Z")))
                .as("nobody working: everyone not away").containsExactlyInAnyOrder("owner:ann", "owner:ben");
    }

    @Test
    void aTeamsSectionReplacesTheDirectoryTeamOfTheSameNameAndKeepsTheOthers() {
        PolicyHarness policies = PolicyHarness.of("""
                teams:
                  web:
                    members: [dan]
                rules:
                  - name: r
                    then: [{assign_owner: {strategy: rotation, team: web}}, {escalate_owner: {team: ops}}]
                """, DIRECTORY);

        assertThat(policies.run(issue().build())).extracting(d -> d.target())
                .containsExactly("owner:dan", "team:ops");
        assertThat(policies.store.status().teams()).containsExactly("web", "ops");
    }

    @Test
    void aPlainMemberOfATeamsSectionIsTheDirectorysPerson() {
        // cat is away per the directory, even though the policy file's team lists only her name
        PolicyHarness policies = PolicyHarness.of("""
                teams:
                  pair:
                    zone: UTC
                    members: [cat, dan]
                rules:
                  - name: r
                    then: {assign_owner: {strategy: rotation, team: pair}}
                """, DIRECTORY);

        assertThat(owners(policies, Instant.parse("2025-10-20T12:00:00Z"))).containsExactly("owner:dan");
    }

    @Test
    void aTeamInNeitherPlaceIsReportedWithItsPosition() {
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> PolicyHarness.reader(DIRECTORY)
                .read("p.yml", """
                        teams:
                          pair: {members: [dan]}
                        rules:
                          - name: r
                            then: {escalate_owner: {team: infra}}
                        """, java.time.ZoneOffset.UTC));

        assertThat(e.problems()).containsExactly(new Problem("p.yml", 5, 35, "unknown team 'infra' in "
                + "rule 'r'.then.escalate_owner.team; known teams: web, ops, pair (teams are declared in the team "
                + "directory, BREAKDOWN_TEAMS_FILE)"));
    }
}
