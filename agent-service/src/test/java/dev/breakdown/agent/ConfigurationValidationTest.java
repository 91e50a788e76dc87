package dev.breakdown.agent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakdown.agent.policy.yaml.PolicyFileException;
import dev.breakdown.platform.directory.DirectoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ConfigurationValidationTest {

    /** Command-line arguments, because builder properties rank below application.yml. */
    private static void start(String setting) {
        new SpringApplicationBuilder(AgentApplication.class)
                .run("--spring.main.web-application-type=none", "--" + setting)
                .close();
    }

    @Test
    void unknownZoneStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> start("breakdown.agent.zone=Mars/Olympus"))
                .hasStackTraceContaining("breakdown.agent.zone");
    }

    @Test
    void blankPolicyFileStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> start("breakdown.agent.policy-file= "))
                .hasStackTraceContaining("policyFile");
    }

    @Test
    void brokenPolicyFileStopsTheServiceWithItsProblems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policies.yml");
        Files.writeString(file, "rules:\n  - name: a\n    then: {escalate_owner: {team: ops}}\n");

        assertThatThrownBy(() -> start("breakdown.agent.policy-file=" + file))
                .hasRootCauseInstanceOf(PolicyFileException.class)
                .hasStackTraceContaining(file + ":3:35: unknown team 'ops'");
    }

    @Test
    void brokenTeamDirectoryStopsTheServiceNamingTheVariableAndThePosition(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("teams.yml");
        Files.writeString(file, "teams:\n  web:\n    members: [ann]\n    lead: ann\n");

        assertThatThrownBy(() -> start("breakdown.teams-file=" + file))
                .hasRootCauseInstanceOf(DirectoryException.class)
                .hasStackTraceContaining("BREAKDOWN_TEAMS_FILE (breakdown.teams-file) = '" + file + "'")
                .hasStackTraceContaining(file + ":4:5: unknown key 'lead' in teams.web");
    }

    @Test
    void missingPolicyFileStopsTheServiceNamingTheFile() {
        assertThatThrownBy(() -> start("breakdown.agent.policy-file=/nowhere/policies.yml"))
                .hasStackTraceContaining("/nowhere/policies.yml:1:1: cannot read the file: no such file");
    }
}
