package dev.breakdown.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --validate-policies}: what a CI job sees, and its exit code. */
class PolicyFileCheckTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... files) {
        return PolicyFileCheck.run(files, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validFileExitsZeroSayingOk() throws IOException {
        Path file = dir.resolve("policies.yml");
        Files.writeString(file, PolicyFiles.read("classpath:policies/default.yml"));

        assertThat(check(file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("OK " + file + ": 4 rules [p0-bug-escalation, "
                + "frontend-specialist, overdue-unblocker, new-issue-triage], 3 teams" + System.lineSeparator());
    }

    @Test
    void brokenFileExitsOnePrintingEachProblem() throws IOException {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "rules:\n  - name: a\n    then: {escalate_owner: {team: ops}}\n");

        assertThat(check(file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                file + ":3:35: unknown team 'ops' in rule 'a'.then.escalate_owner.team; known teams: platform, "
                        + "frontend, triage (teams are declared in the team directory, BREAKDOWN_TEAMS_FILE)",
                "INVALID " + file + ": 1 problem(s)");
    }

    @Test
    void brokenTeamDirectoryExitsOnePrintingItsProblems() throws IOException {
        Path teams = Files.writeString(dir.resolve("teams.yml"), "people:\n  ann: {zone: Berlin}\n");
        Path file = Files.writeString(dir.resolve("policies.yml"), PolicyFiles.read("classpath:policies/default.yml"));
        System.setProperty("breakdown.teams-file", teams.toString());
        try {
            assertThat(check(file.toString())).isEqualTo(1);
        } finally {
            System.clearProperty("breakdown.teams-file");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("BREAKDOWN_TEAMS_FILE",
                teams + ":2:15: people.ann.zone is not a time zone: 'Berlin'", "INVALID team directory: 1 problem(s)");
    }

    @Test
    void missingFileExitsOne() {
        assertThat(check(dir.resolve("nope.yml").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.yml:1:1: cannot read the file: no such file");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(check()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar agent-service.jar --validate-policies");
    }
}
