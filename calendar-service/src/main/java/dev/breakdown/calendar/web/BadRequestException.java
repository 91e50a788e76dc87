package dev.breakdown.calendar.web;

/** Input the caller must fix; answered with 400 and the given error code. */
public class BadRequestException extends RuntimeException {

    private final String error;

    public BadRequestException(String error, String message) {
        super(message);
        this.error = error;
    }

    public static BadRequestException missing(String field, String what) {
        return new BadRequestException("missing_field", "Field '" + field + "' is required: " + what);
    }

    public static BadRequestException invalid(String field, String why) {
        return new BadRequestException("invalid_field", "Field '" + field + "' " + why);
    }

    public String error() {
        return error;
    }
}
