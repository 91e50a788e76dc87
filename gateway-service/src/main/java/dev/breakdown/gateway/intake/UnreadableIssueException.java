package dev.breakdown.gateway.intake;

/** A record on issues that is not an IssueEvent; retrying cannot help, so it goes to issues-dlt at once. */
public class UnreadableIssueException extends RuntimeException {

    public UnreadableIssueException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableIssueException(String message) {
        super(message);
    }
}
