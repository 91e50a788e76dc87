package dev.breakdown.calendar.web;

/** The requested meeting or nudge does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
