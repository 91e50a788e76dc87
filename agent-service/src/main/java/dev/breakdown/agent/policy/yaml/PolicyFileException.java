package dev.breakdown.agent.policy.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A policy file that cannot be used; the message lists every problem as {@code file:line:column: problem}. */
public class PolicyFileException extends RuntimeException {

    private final String file;
    private final transient List<Problem> problems;

    public PolicyFileException(String file, List<Problem> problems) {
        super("Policy file " + file + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }
}
