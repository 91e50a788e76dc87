package dev.breakdown.agent.web;

import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

/** Turns every failure into {@code {"error", "message"}} with the right status. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e) {
        return answer(HttpStatus.BAD_REQUEST, e.error(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(describe(e.getCause()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the body as application/json (the request had " + sent + ")");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e) {
        // Spring's own web exceptions (415, 405, 404, 406, ...) know their status and a readable detail.
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            String detail = response.getBody().getDetail();
            return answer(status, known == null ? "error" : known.name().toLowerCase(Locale.ROOT),
                    detail == null ? e.getMessage() : detail);
        }
        log.error("Unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The agent failed unexpectedly; the service log has the details");
    }

    /** Names the field when Jackson knows it, so the caller can fix the body. */
    static ApiError describe(Throwable cause) {
        if (cause == null) {
            return new ApiError("malformed_json", "The request body is missing or empty; send an IssueEvent as JSON");
        }
        if (cause instanceof StreamReadException syntax && !(cause instanceof InputCoercionException)) {
            String problem = syntax.getOriginalMessage();
            int marker = problem.indexOf(" (start marker");
            return new ApiError("malformed_json", "The body is not valid JSON: "
                    + (marker > 0 ? problem.substring(0, marker) : problem)
                    + (syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr() + ")"));
        }
        if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            return new ApiError("invalid_field",
                    "Field '" + path(mapping) + "' has the wrong type or format: " + mapping.getOriginalMessage());
        }
        return new ApiError("invalid_body", "The body cannot be read as an IssueEvent: "
                + (cause instanceof JacksonException j ? j.getOriginalMessage() : cause.getMessage()));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static ResponseEntity<ApiError> answer(HttpStatusCode status, String error, String message) {
        // An explicit content type keeps the error JSON even when the client asked for something else.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, message));
    }
}
