package dev.breakdown.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TeamDirectoryAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TeamDirectoryAutoConfiguration.class));

    @Test
    void withoutAFileTheShippedDirectoryIsTheBean() {
        runner.withPropertyValues("breakdown.teams-file=").run(context ->
                assertThat(context.getBean(TeamDirectory.class)).isSameAs(TeamDirectory.shipped()));
    }

    @Test
    void readsTheConfiguredFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("teams.yml"), "teams:\n  ops:\n    members: [olga]\n");
        runner.withPropertyValues("breakdown.teams-file=" + file).run(context ->
                assertThat(context.getBean(TeamDirectory.class).resolve("team:ops")).extracting(Person::id)
                        .containsExactly("olga"));
    }

    @Test
    void theVariableWorksWhenTheServiceDoesNotMapTheProperty(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("teams.yml"), "teams:\n  ops:\n");
        runner.withPropertyValues("BREAKDOWN_TEAMS_FILE=" + file).run(context ->
                assertThat(context.getBean(TeamDirectory.class).teams().keySet()).containsExactly("ops"));
    }

    @Test
    void aBrokenFileStopsTheStartNamingTheVariableAndThePosition(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("teams.yml"), "people:\n  alice:\n    zone: Mars/Olympus\n");
        runner.withPropertyValues("breakdown.teams-file=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(DirectoryException.class);
            String message = new TeamsFileFailureAnalyzer().analyze(context.getStartupFailure()).getDescription();
            assertThat(message).isEqualTo("BREAKDOWN_TEAMS_FILE (breakdown.teams-file) = '" + file
                    + "' is not a usable team directory:\n" + file + ":3:11: people.alice.zone is not a time zone: "
                    + "'Mars/Olympus' (use an IANA name such as UTC, Europe/Berlin or America/New_York)");
        });
    }

    @Test
    void aMissingFileStopsTheStart(@TempDir Path dir) {
        Path file = dir.resolve("missing.yml");
        runner.withPropertyValues("breakdown.teams-file=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("BREAKDOWN_TEAMS_FILE")
                    .hasStackTraceContaining(file + ":1:1: cannot read the file: no such file");
        });
    }

    @Test
    void aServiceMayProvideItsOwnDirectory() {
        TeamDirectory own = TeamDirectory.read("teams:\n  own:\n", "own.yml");
        runner.withBean(TeamDirectory.class, () -> own).withPropertyValues("breakdown.teams-file=/nope.yml")
                .run(context -> assertThat(context.getBean(TeamDirectory.class)).isSameAs(own));
    }
}
