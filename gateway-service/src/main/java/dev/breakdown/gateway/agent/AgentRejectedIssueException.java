package dev.breakdown.gateway.agent;

/** The agent answered 4xx (other than 429): asking again would get the same answer, so no retry. */
public class AgentRejectedIssueException extends RuntimeException {

    public AgentRejectedIssueException(String message, Throwable cause) {
        super(message, cause);
    }
}
