package dev.breakdown.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.breakdown.agent.policy.yaml.PolicyFileException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken policy file is refused with each problem's file, line, column and a sentence saying what is wrong. */
class PolicyFileErrorsTest {

    private static List<String> problems(String yaml) {
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class,
                () -> PolicyHarness.READER.read("team-policies.yml", yaml, ZoneOffset.UTC));
        assertThat(e).as("the file should be refused").isNotNull();
        assertThat(e.getMessage()).startsWith("Policy file team-policies.yml has ");
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void misspelledRuleKeyIsNamedWithItsLine() {
        assertThat(problems("""
                teams: {triage: }
                rules:
                  - name: triage
                    wen:
                      type: issue_opened
                    then:
                      - escalate_owner: {team: triage}
                """)).containsExactly("team-policies.yml:4:5: unknown key 'wen' in rules[0]; expected one of: "
                + "continue, description, name, then, when");
    }

    @Test
    void unknownConditionListsTheKnownOnes() {
        assertThat(problems("""
                teams: {triage: }
                rules:
                  - name: triage
                    when:
                      lables: {any: [bug]}
                    then: {escalate_owner: {team: triage}}
                """)).singleElement().asString()
                .startsWith("team-policies.yml:5:7: unknown condition 'lables' in rule 'triage'.when; known conditions: ")
                .contains("labels");
    }

    @Test
    void unknownActionListsTheKnownOnes() {
        assertThat(problems("""
                rules:
                  - name: triage
                    then:
                      - page_someone: {team: triage}
                """)).containsExactly("team-policies.yml:4:9: unknown action 'page_someone' in rule 'triage'.then; "
                + "known actions: assign_owner, escalate_owner, post_nudge, schedule_unblocker");
    }

    @Test
    void wrongTypesAreNamedWithWhatWasFound() {
        assertThat(problems("""
                teams: {triage: }
                rules:
                  - name: unblock
                    continue: sometimes
                    when:
                      labels: bug
                      overdue: yes please
                    then:
                      - schedule_unblocker: {participants: assignee, team: triage, duration_min: fifteen}
                """)).containsExactly(
                "team-policies.yml:6:15: rule 'unblock'.when.labels must be a mapping (key: value lines) with all, any, none, got 'bug'",
                "team-policies.yml:7:16: rule 'unblock'.when.overdue must be true or false, got 'yes please'",
                "team-policies.yml:9:82: rule 'unblock'.then.schedule_unblocker.duration_min must be a whole number, got 'fifteen'",
                "team-policies.yml:4:15: rules[0].continue must be true or false, got 'sometimes'");
    }

    @Test
    void unknownTeamNamesTheDeclaredOnes() {
        assertThat(problems("""
                teams:
                  platform:
                  triage:
                rules:
                  - name: p0
                    then:
                      - escalate_owner: {team: plattform}
                """)).containsExactly("team-policies.yml:7:32: unknown team 'plattform' in rule 'p0'.then.escalate_owner.team;"
                + " known teams: platform, frontend, triage (teams are declared in the team directory, BREAKDOWN_TEAMS_FILE)");
    }

    @Test
    void badYamlIsReportedWhereTheParserStopped() {
        assertThat(problems("""
                rules:
                  - name: triage
                    then: [escalate_owner: {team: triage}
                  - name: other
                """)).singleElement().asString()
                .startsWith("team-policies.yml:4:")
                .contains("not valid YAML");
    }

    @Test
    void badRegularExpressionIsExplained() {
        assertThat(problems("""
                teams: {triage: }
                rules:
                  - name: crash
                    when:
                      title: "(crash"
                    then: {escalate_owner: {team: triage}}
                """)).singleElement().asString()
                .startsWith("team-policies.yml:5:14: rule 'crash'.when.title is not a valid regular expression: Unclosed group");
    }

    @Test
    void unknownPlaceholderInAMessageIsRefused() {
        assertThat(problems("""
                teams: {triage: }
                rules:
                  - name: nudge
                    then:
                      - post_nudge: {team: triage, message: "Look at {titel}"}
                """)).singleElement().asString()
                .startsWith("team-policies.yml:5:45: rule 'nudge'.then.post_nudge.message: unknown placeholder {titel}; known: {title}");
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        assertThat(problems("""
                colour: blue
                teams: {triage: }
                rules:
                  - name: a
                    then: {escalate_owner: {team: nobody}}
                  - name: a
                    then: {assign_owner: {strategy: random, team: triage}}
                """)).containsExactly(
                "team-policies.yml:1:1: unknown key 'colour' in the file; expected one of: notifications, rules, teams, zone",
                "team-policies.yml:5:35: unknown team 'nobody' in rule 'a'.then.escalate_owner.team; known teams: "
                        + "platform, frontend, triage (teams are declared in the team directory, BREAKDOWN_TEAMS_FILE)",
                "team-policies.yml:6:5: duplicate rule name 'a'",
                "team-policies.yml:7:37: unknown assignment strategy 'random'; known: fixed, least_loaded, rotation");
    }

    @Test
    void rotationNeedsATeamWithMembers() {
        assertThat(problems("""
                teams: {triage: }
                rules:
                  - name: a
                    then: {assign_owner: {strategy: rotation, team: triage}}
                """)).containsExactly(
                "team-policies.yml:4:53: team 'triage' has no members for strategy rotation");
    }

    @Test
    void emptyFileIsRefused() {
        assertThat(problems("# nothing yet\n")).containsExactly(
                "team-policies.yml:1:1: the file is empty; it needs at least 'rules:'");
    }
}
