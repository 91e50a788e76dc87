package dev.breakdown.webhook.error;

import org.springframework.http.HttpStatus;

/**
 * A delivery we refuse, with the answer the sender gets. {@code result} is the metrics tag
 * ({@code rejected_<reason>} or {@code unavailable}).
 */
public class WebhookException extends RuntimeException {
    private final HttpStatus status;
    private final String error;
    private final String result;

    public WebhookException(HttpStatus status, String error, String message, String result) {
        super(message);
        this.status = status;
        this.error = error;
        this.result = result;
    }

    public static WebhookException rejected(HttpStatus status, String error, String message) {
        return new WebhookException(status, error, message, "rejected_" + error);
    }

    public static WebhookException unauthorized(String error, String message) {
        return rejected(HttpStatus.UNAUTHORIZED, error, message);
    }

    public static WebhookException badRequest(String error, String message) {
        return rejected(HttpStatus.BAD_REQUEST, error, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String result() {
        return result;
    }
}
