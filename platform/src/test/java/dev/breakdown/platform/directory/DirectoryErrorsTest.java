package dev.breakdown.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.breakdown.platform.directory.DirectoryException.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a person can make in the file, reported where it is: file:line:column. */
class DirectoryErrorsTest {

    private static Problem onlyProblem(String yaml) {
        DirectoryException e = catchThrowableOfType(DirectoryException.class, () -> TeamDirectory.read(yaml, "t.yml"));
        assertThat(e).as("a problem in:\n" + yaml).isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).isEqualTo(e.problems().get(0).toString());
        return e.problems().get(0);
    }

    private static void assertProblem(String yaml, int line, int column, String message) {
        assertThat(onlyProblem(yaml)).isEqualTo(new Problem("t.yml", line, column, message));
    }

    @Test
    void brokenYamlNamesWhereTheParserStopped() {
        Problem problem = onlyProblem("people:\n  alice: {name: Alice\n  bob:\n");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("not valid YAML: ");
    }

    @Test
    void emptyFile() {
        assertProblem("# nothing here\n", 1, 1, "the file is empty; it needs 'people:' and/or 'teams:'");
    }

    @Test
    void topLevelMustBeAMappingOfKnownKeys() {
        assertProblem("- alice\n", 1, 1, "the file must be a mapping (key: value lines) with defaults, people, teams, got a list");
        assertProblem("people:\nteam:\n  a:\n", 2, 1, "unknown key 'team' in the file; expected one of: defaults, people, teams");
    }

    @Test
    void unknownAndDuplicateKeysOfAPerson() {
        assertProblem("""
                people:
                  alice:
                    githb: alice-gh
                """, 3, 5, "unknown key 'githb' in people.alice; expected one of: days, email, github, hours, jira, "
                + "name, out_of_office, slack, zone");
        assertProblem("""
                people:
                  alice:
                    zone: UTC
                  alice:
                    zone: UTC
                """, 4, 3, "duplicate key 'alice' in people (first on line 2)");
    }

    @Test
    void wrongZoneHoursAndDays() {
        assertProblem("""
                defaults:
                  zone: Mars/Olympus
                """, 2, 9, "defaults.zone is not a time zone: 'Mars/Olympus' (use an IANA name such as UTC, "
                + "Europe/Berlin or America/New_York)");
        assertProblem("""
                people:
                  bob: {hours: "17:00-09:00"}
                """, 2, 16, "people.bob.hours must be working hours written \"HH:MM-HH:MM\" with the start first, "
                + "got '17:00-09:00'");
        assertProblem("""
                people:
                  bob:
                    hours: 9 to 5
                """, 3, 12, "people.bob.hours must be working hours written \"HH:MM-HH:MM\" with the start first, "
                + "got '9 to 5'");
        assertProblem("""
                people:
                  bob:
                    days: [mon, fry]
                """, 3, 17, "people.bob.days: 'fry' is not a day; use mon, tue, wed, thu, fri, sat, sun or a range "
                + "such as mon-fri");
        assertProblem("""
                defaults:
                  days: []
                """, 2, 9, "defaults.days must name at least one day, e.g. mon-fri or [mon, tue, thu]");
    }

    @Test
    void wrongContactFields() {
        assertProblem("""
                people:
                  alice:
                    github: "@alice"
                """, 3, 13, "people.alice.github must be a GitHub login (letters, digits and '-', without '@'), "
                + "got '@alice'");
        assertProblem("""
                people:
                  alice:
                    email: alice.example.com
                """, 3, 12, "people.alice.email must be an e-mail address such as alice@example.com, "
                + "got 'alice.example.com'");
        assertProblem("""
                people:
                  alice:
                    slack: hooks.slack.com/services/T/B/X
                """, 3, 12, "people.alice.slack must be an incoming-webhook URL such as "
                + "https://hooks.slack.com/services/..., got 'hooks.slack.com/services/T/B/X'");
        assertProblem("""
                people:
                  alice:
                    jira: {id: 5b10}
                """, 3, 11, "people.alice.jira must be a text value, got a mapping");
    }

    @Test
    void wrongAbsences() {
        assertProblem("""
                people:
                  alice:
                    out_of_office:
                      - {from: 2026-12-24, to: 2026-12-20}
                """, 4, 32, "people.alice.out_of_office: 'to' 2026-12-20 is before 'from' 2026-12-24");
        assertProblem("""
                people:
                  alice:
                    out_of_office:
                      - {from: 2026-12-24}
                """, 4, 9, "people.alice.out_of_office item needs 'to'");
        assertProblem("""
                people:
                  alice:
                    out_of_office:
                      - {from: 2026-12-24, to: 2026-13-01}
                """, 4, 32, "people.alice.out_of_office.to must be a date written YYYY-MM-DD, got '2026-13-01'");
        assertProblem("""
                people:
                  alice:
                    out_of_office: 2026-12-24
                """, 3, 20, "people.alice.out_of_office must be a list of {from: YYYY-MM-DD, to: YYYY-MM-DD}, "
                + "got '2026-12-24'");
    }

    @Test
    void wrongTeams() {
        assertProblem("""
                teams:
                  platform:
                    members: [bob, carol, bob]
                """, 3, 27, "teams.platform.members lists 'bob' twice");
        assertProblem("""
                teams:
                  platform:
                    github: platform-team
                """, 3, 13, "teams.platform.github must be a GitHub team written org/team-slug, got 'platform-team'");
        assertProblem("""
                teams:
                  platform:
                    lead: bob
                """, 3, 5, "unknown key 'lead' in teams.platform; expected one of: github, members, slack");
        assertProblem("""
                teams:
                  platform: [bob]
                """, 2, 13, "teams.platform must be a mapping (key: value lines) with github, members, slack, got a list");
    }

    @Test
    void idsAndTeamNamesAreOneWordWithoutColons() {
        assertProblem("""
                people:
                  alice smith:
                """, 2, 3, "person id 'alice smith' must be one word without spaces or ':' (it is used in targets "
                + "such as owner:alice and team:web)");
        assertProblem("""
                teams:
                  team:web:
                """, 2, 3, "team name 'team:web' must be one word without spaces or ':' (it is used in targets "
                + "such as owner:alice and team:web)");
        assertProblem("""
                teams:
                  web:
                    members: [ann, "owner:bob"]
                """, 3, 20, "teams.web.members: person id 'owner:bob' must be one word without spaces or ':' (it is "
                + "used in targets such as owner:alice and team:web)");
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        DirectoryException e = catchThrowableOfType(DirectoryException.class, () -> TeamDirectory.read("""
                defaults:
                  zone: Nowhere
                people:
                  alice: {email: nope}
                teams:
                  t: {github: x}
                """, "t.yml"));
        assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 4, 6);
        assertThat(e.getMessage().lines()).hasSize(3).allMatch(line -> line.matches("t\\.yml:\\d+:\\d+: .+"));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> TeamDirectory.read(missing)).isInstanceOf(DirectoryException.class)
                .hasMessage(missing + ":1:1: cannot read the file: no such file");
        assertThatThrownBy(() -> TeamDirectory.load("classpath:nope.yml")).isInstanceOf(DirectoryException.class)
                .hasMessage("classpath:nope.yml:1:1: cannot read the file: no such resource inside the application");
    }
}
