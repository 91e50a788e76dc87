package dev.breakdown.chatweb.chatkit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused ChatKit requests as RFC 9457 problem details (JSON), with a message a person can act on. */
@RestControllerAdvice(assignableTypes = ChatKitController.class)
class ChatKitErrors {

    @ExceptionHandler(ChatKitException.class)
    ResponseEntity<ProblemDetail> refused(ChatKitException e) {
        return problem(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "The body could not be read as text: send a JSON ChatKit request");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "Not found" : "Bad ChatKit request");
        return ResponseEntity.status(status).body(problem);
    }
}
