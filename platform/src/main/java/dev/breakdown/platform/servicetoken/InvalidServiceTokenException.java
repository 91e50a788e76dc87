package dev.breakdown.platform.servicetoken;

/** BREAKDOWN_SERVICE_TOKEN is set to something unusable; the service does not start. */
public class InvalidServiceTokenException extends IllegalStateException {

    InvalidServiceTokenException(String message) {
        super(message);
    }
}
