package dev.breakdown.agent.policy.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/** Collects every problem of a file, so one validation run lists them all instead of the first. */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(Mark mark, String message) {
        found.add(mark == null ? new Problem(file, 1, 1, message)
                : new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Fails with every problem found so far; does nothing when the file is fine. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new PolicyFileException(file, list());
        }
    }
}
