package dev.breakdown.calendar.web;

import dev.breakdown.platform.problem.Problems;
import dev.breakdown.platform.problem.UnreadableBody;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure as an RFC 9457 problem ({@code application/problem+json}): {@code status}, {@code title},
 * {@code detail} a person can act on, {@code error} a stable code, and {@code errors[]} with one entry per bad field.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.error(), e.getMessage(), e.field());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not_found", e.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.error(), e.getMessage(), null);
    }

    @ExceptionHandler(FeedTokenException.class)
    ResponseEntity<Object> feedToken(FeedTokenException e) {
        return problem(HttpStatus.FORBIDDEN, "feed_token", e.getMessage(), null);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<Object> databaseDown(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                "The calendar database cannot be reached; retry later", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The calendar service failed unexpectedly; the service log has the details", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", jsonName(f.getField()), "message", String.valueOf(f.getDefaultMessage())))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = errors.stream().map(f -> "field '" + f.get("field") + "' " + f.get("message"))
                .collect(Collectors.joining("; "));
        boolean missing = e.getBindingResult().getFieldErrors().stream().allMatch(ProblemHandler::isMissing);
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, missing ? "missing_field" : "invalid_field",
                Character.toUpperCase(detail.charAt(0)) + detail.substring(1));
        body.setProperty("errors", errors);
        return Problems.answer(HttpStatus.BAD_REQUEST, body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .map(r -> "parameter '" + r.getMethodParameter().getParameterName() + "' "
                        + r.getResolvableErrors().stream().map(m -> String.valueOf(m.getDefaultMessage()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid_parameter", "Invalid " + detail, null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        UnreadableBody why = UnreadableBody.of(e, "a JSON object");
        return problem(HttpStatus.BAD_REQUEST, why.error(), why.detail(), why.field());
    }

    /** Spring's own problems (405, 415, 404 for unknown paths, ...) get the same {@code error} code field. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse response) {
            body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("error"))) {
            problem.setProperty("error", Problems.errorCode(status));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static boolean isMissing(FieldError f) {
        String code = f.getCode();
        return f.getRejectedValue() == null || "NotBlank".equals(code) || "NotEmpty".equals(code);
    }

    /** startAt -> start_at, participants[1] stays: the JSON names of the bodies are the snake_case of the components. */
    static String jsonName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String error, String detail, String field) {
        ProblemDetail body = Problems.of(status, error, detail);
        if (field != null) {
            body.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return Problems.answer(status, body);
    }
}
