package dev.breakdown.calendar.web;

/** A calendar feed was asked for without the right {@code ?token=}; 403. */
public class FeedTokenException extends RuntimeException {

    public FeedTokenException(String message) {
        super(message);
    }
}
