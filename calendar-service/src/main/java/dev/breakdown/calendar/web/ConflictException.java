package dev.breakdown.calendar.web;

/** The request cannot be carried out in the current state (key reused, no free slot, meeting cancelled); 409. */
public class ConflictException extends RuntimeException {

    private final String error;

    public ConflictException(String error, String message) {
        super(message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
