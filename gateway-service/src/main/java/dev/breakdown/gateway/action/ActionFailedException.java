package dev.breakdown.gateway.action;

/** An action could not be carried out; the message is the outcome's detail, so keep it short and readable. */
public class ActionFailedException extends RuntimeException {

    public ActionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
