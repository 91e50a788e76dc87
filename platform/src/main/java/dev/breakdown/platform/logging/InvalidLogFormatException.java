package dev.breakdown.platform.logging;

/** LOG_FORMAT names no known format; the service does not start. */
public class InvalidLogFormatException extends IllegalStateException {

    InvalidLogFormatException(String value, String known) {
        super(LogFormatEnvironmentPostProcessor.VARIABLE + " = '" + value + "' is not a log format; use one of: "
                + known + " (empty: text)");
    }
}
