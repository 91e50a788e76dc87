package dev.breakdown.platform.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problems as every Breakdown API answers them: {@code type} about:blank, a {@code detail} a person can act
 * on, and {@code error}, a stable code for programs (e.g. {@code malformed_json}, {@code not_found}).
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("error", error);
        return problem;
    }

    /** The answer, typed problem+json even when the client asked for another type (e.g. text/calendar). */
    public static ResponseEntity<Object> answer(HttpStatusCode status, String error, String detail) {
        return answer(status, of(status, error, detail));
    }

    public static ResponseEntity<Object> answer(HttpStatusCode status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The error code of a plain HTTP status: 405 -> method_not_allowed. */
    public static String errorCode(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error_" + status.value() : known.name().toLowerCase(Locale.ROOT);
    }
}
