package dev.breakdown.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A team directory (BREAKDOWN_TEAMS_FILE) written for one test class. */
public final class TeamsFile {

    private TeamsFile() {
    }

    public static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("breakdown-teams-", ".yml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
