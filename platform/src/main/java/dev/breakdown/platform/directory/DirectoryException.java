package dev.breakdown.platform.directory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A team directory that cannot be used. The message lists every problem, one a line, as
 * {@code <file>:<line>:<column>: <what is wrong>}, so one run shows all of them.
 */
public class DirectoryException extends RuntimeException {

    private final transient List<Problem> problems;

    public DirectoryException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The same problems, introduced by {@code context} (e.g. which setting named the file). */
    public DirectoryException(String context, DirectoryException cause) {
        super(context + "\n" + cause.getMessage(), cause);
        this.problems = cause.problems;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One thing wrong, where a person finds it; line and column count from 1. */
    public record Problem(String file, int line, int column, String message) {

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }
}
