package dev.breakdown.calendar.web;

/** Input the caller must fix; answered with 400, the given error code and, when one field is at fault, its name. */
public class BadRequestException extends RuntimeException {

    private final String error;
    private final String field;

    public BadRequestException(String error, String message) {
        this(error, message, null);
    }

    private BadRequestException(String error, String message, String field) {
        super(message);
        this.error = error;
        this.field = field;
    }

    public static BadRequestException invalid(String field, String why) {
        return new BadRequestException("invalid_field", "Field '" + field + "' " + why, field);
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }
}
