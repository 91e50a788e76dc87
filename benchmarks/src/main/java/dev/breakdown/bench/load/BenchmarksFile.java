package dev.breakdown.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** BENCHMARKS.md: each tool owns one {@code ## } section and replaces only that one. */
final class BenchmarksFile {
    static final String SKELETON = """
            # Benchmarks

            Figures measured on the development machine, each with the command that produced it, the machine and its
            load average. The tools write their own section (`--publish`); run them again to replace it.

            ## Intake vs Probot

            ## Start-up and memory

            ## Load

            ## Chaos
            """;

    private BenchmarksFile() {
    }

    static void replaceSection(Path file, String heading, String body) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : SKELETON;
        String marker = "## " + heading + "\n";
        int at = text.indexOf(marker);
        if (at < 0) {
            text = text.stripTrailing() + "\n\n" + marker;
            at = text.indexOf(marker);
        }
        int from = at + marker.length();
        int next = text.indexOf("\n## ", from);
        String rest = next < 0 ? "" : text.substring(next + 1);
        text = text.substring(0, from) + "\n" + body.strip() + "\n" + (rest.isEmpty() ? "" : "\n" + rest);
        Files.writeString(file, text);
    }
}
