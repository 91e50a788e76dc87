package dev.breakdown.calendar.web;

/** The {@code ?limit=} of list endpoints. */
public final class Limits {

    public static final int DEFAULT = 100;
    public static final int MAX = 1000;

    private Limits() {
    }

    public static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new BadRequestException("invalid_parameter",
                    "Parameter 'limit' must be between 1 and " + MAX + " (got " + limit + ")");
        }
        return limit;
    }
}
