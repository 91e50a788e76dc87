package dev.breakdown.agent.web;

import dev.breakdown.platform.problem.Problems;
import dev.breakdown.platform.problem.UnreadableBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every failure into an RFC 9457 problem with a stable {@code error} code and the right status. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return Problems.answer(HttpStatus.BAD_REQUEST, e.error(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        UnreadableBody why = UnreadableBody.of(e, "an IssueEvent as JSON");
        return Problems.answer(HttpStatus.BAD_REQUEST, why.error(), why.detail());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        return Problems.answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the body as application/json (the request had " + sent + ")");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e) {
        // Spring's own web exceptions (415, 405, 404, 406, ...) know their status and a readable detail.
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            ProblemDetail body = response.getBody();
            String detail = body.getDetail() == null ? e.getMessage() : body.getDetail();
            return Problems.answer(status, Problems.errorCode(status), detail);
        }
        log.error("Unexpected failure", e);
        return Problems.answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The agent failed unexpectedly; the service log has the details");
    }
}
