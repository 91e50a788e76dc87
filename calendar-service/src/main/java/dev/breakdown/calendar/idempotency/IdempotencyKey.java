package dev.breakdown.calendar.idempotency;

import dev.breakdown.calendar.web.BadRequestException;
import java.util.Optional;

/** Reads the optional {@code Idempotency-Key} header. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** Empty when the header is absent; a blank, too long or non-ASCII key is the caller's mistake. */
    public static Optional<String> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = header.strip();
        if (key.isEmpty()) {
            throw new BadRequestException("invalid_header", HEADER + " must not be blank when present");
        }
        if (key.length() > MAX_LENGTH) {
            throw new BadRequestException("invalid_header", HEADER + " may be at most " + MAX_LENGTH + " characters long");
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new BadRequestException("invalid_header", HEADER + " must be printable ASCII without spaces");
        }
        return Optional.of(key);
    }
}
