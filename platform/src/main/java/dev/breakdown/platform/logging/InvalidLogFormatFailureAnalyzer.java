package dev.breakdown.platform.logging;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An unknown LOG_FORMAT at start: what was given and what to set instead, without a stack trace. */
class InvalidLogFormatFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLogFormatException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InvalidLogFormatException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + LogFormatEnvironmentPostProcessor.VARIABLE
                + " to json for JSON lines, or unset it for plain text, then start again.", cause);
    }
}
