package dev.breakdown.agent.policy;

import dev.breakdown.agent.policy.yaml.Problem;
import dev.breakdown.agent.policy.yaml.PolicyFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a policy file lives: inside the jar ({@code classpath:}) or on disk (a path, optionally {@code file:}). */
public final class PolicyFiles {

    private static final String CLASSPATH = "classpath:";

    private PolicyFiles() {
    }

    /** The path on disk, or empty for a file inside the jar (which cannot change, so is never watched). */
    public static Optional<Path> path(String location) {
        if (location.startsWith(CLASSPATH)) {
            return Optional.empty();
        }
        return Optional.of(Path.of(location.startsWith("file:") ? location.substring(5) : location));
    }

    public static String read(String location) {
        try {
            Optional<Path> path = path(location);
            if (path.isPresent()) {
                return Files.readString(path.get(), StandardCharsets.UTF_8);
            }
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            try (InputStream in = PolicyFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no such file inside the application");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
            throw new PolicyFileException(location, List.of(new Problem(location, 1, 1, "cannot read the file: " + why)));
        }
    }
}
