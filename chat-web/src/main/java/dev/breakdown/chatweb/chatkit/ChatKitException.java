package dev.breakdown.chatweb.chatkit;

import org.springframework.http.HttpStatus;

/** A request the server refuses, with the status and a message a person can act on. */
public class ChatKitException extends RuntimeException {
    private final HttpStatus status;

    private ChatKitException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static ChatKitException badRequest(String message) {
        return new ChatKitException(HttpStatus.BAD_REQUEST, message);
    }

    public static ChatKitException notFound(String message) {
        return new ChatKitException(HttpStatus.NOT_FOUND, message);
    }

    public HttpStatus status() {
        return status;
    }
}
