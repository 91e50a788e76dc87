package dev.breakdown.agent.web;

/** Input the caller must fix; answered with 400 and the given error code. */
public class BadRequestException extends RuntimeException {

    private final String error;

    public BadRequestException(String error, String message) {
        super(message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
