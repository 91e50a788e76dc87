package dev.breakdown.platform.servicetoken;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An unusable BREAKDOWN_SERVICE_TOKEN at start: what is wrong and what to set, without the value. */
class InvalidServiceTokenFailureAnalyzer extends AbstractFailureAnalyzer<InvalidServiceTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InvalidServiceTokenException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + ServiceToken.VARIABLE
                + " to the same long random value in every service, or unset it everywhere, then start again.", cause);
    }
}
