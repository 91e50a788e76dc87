package dev.breakdown.platform.problem;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Why a JSON request body could not be read, worded so the sender can fix it: nothing sent, a syntax error with its
 * line and column, or the field (JSON path) with the wrong type. {@code field} is null unless one is to blame.
 */
public record UnreadableBody(String error, String detail, String field) {

    /** @param expected what the endpoint reads, for the messages: "a JSON object", "an IssueEvent as JSON" */
    public static UnreadableBody of(HttpMessageNotReadableException e, String expected) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return new UnreadableBody("malformed_json", "The request body is missing or empty; send " + expected,
                    null);
        }
        if (cause instanceof StreamReadException syntax && !(cause instanceof InputCoercionException)) {
            String problem = syntax.getOriginalMessage();
            int marker = problem.indexOf(" (start marker");
            return new UnreadableBody("malformed_json", "The body is not valid JSON: "
                    + (marker > 0 ? problem.substring(0, marker) : problem)
                    + (syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr() + ")"), null);
        }
        if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new UnreadableBody("invalid_field", "Field '" + field + "' has the wrong type or format: "
                    + mapping.getOriginalMessage(), field);
        }
        return new UnreadableBody("invalid_body", "The body cannot be read as " + expected + ": "
                + (cause instanceof JacksonException j ? j.getOriginalMessage() : cause.getMessage()), null);
    }
}
