package dev.breakdown.webhook.error;

import dev.breakdown.webhook.intake.DeliveryMetrics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal into {@code {"error", "message"}} with the right status, and counts it. */
@RestControllerAdvice
public class WebhookErrorHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(WebhookErrorHandler.class);
    static final String ENDPOINTS = "POST /github, POST /github/issues, POST /jira/webhook, POST /jira/issues/{token}";

    private final DeliveryMetrics metrics;

    public WebhookErrorHandler(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(WebhookException.class)
    ResponseEntity<ErrorBody> refused(WebhookException e, HttpServletRequest request) {
        metrics.refused(request, e.result());
        log.info("{} {} answered {}: {}", request.getMethod(), DeliveryMetrics.sourceOf(request), e.status().value(),
                e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            // GitHub does not retry by itself, Jira does on 5xx; either way tell the sender when to try again.
            headers.set(HttpHeaders.RETRY_AFTER, "5");
        }
        return ResponseEntity.status(e.status()).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(e.error(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        metrics.refused(request, "error");
        log.error("unexpected failure handling {} {}", request.getMethod(), DeliveryMetrics.sourceOf(request), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody("internal_error", "the delivery could not be handled; it was not stored"));
    }

    /** Spring MVC's own refusals (404, 405, 415, missing header, ...) keep their status and headers. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String error = errorCode(e, status);
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            metrics.refused(servletRequest, "rejected_" + error);
        }
        HttpHeaders answerHeaders = new HttpHeaders();
        if (headers != null) {
            answerHeaders.putAll(headers);
        }
        answerHeaders.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(new ErrorBody(error, message(e, status)), answerHeaders, status);
    }

    private static String errorCode(Exception e, HttpStatusCode status) {
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return "not_found";
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return "method_not_allowed";
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported_media_type";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error_" + status.value() : known.name().toLowerCase();
    }

    // Messages name what we accept instead of echoing the request: paths may carry the Jira token.
    private static String message(Exception e, HttpStatusCode status) {
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return "nothing here; webhooks are received at " + ENDPOINTS;
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return "method " + m.getMethod() + " is not supported here; use "
                    + (m.getSupportedHttpMethods() == null ? "POST" : m.getSupportedHttpMethods().stream()
                            .map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            String sent = m.getContentType() == null ? "no content type" : "content type " + m.getContentType();
            String supported = m.getSupportedMediaTypes().stream().map(MediaType::toString)
                    .collect(Collectors.joining(" or "));
            return sent + " is not supported here; send " + (supported.isEmpty() ? "application/json" : supported);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return e.getMessage() != null ? e.getMessage() : known != null ? known.getReasonPhrase() : "request refused";
    }
}
