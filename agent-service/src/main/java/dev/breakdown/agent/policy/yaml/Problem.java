package dev.breakdown.agent.policy.yaml;

/** One thing wrong in a policy file, where a person can find it: {@code file:line:column: message}. */
public record Problem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
