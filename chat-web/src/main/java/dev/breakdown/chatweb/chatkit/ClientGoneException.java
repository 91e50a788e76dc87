package dev.breakdown.chatweb.chatkit;

/** The browser closed the stream (the user stopped the answer or left); the answer stops too. */
public class ClientGoneException extends RuntimeException {
    public ClientGoneException(Throwable cause) {
        super("the client closed the stream", cause);
    }
}
