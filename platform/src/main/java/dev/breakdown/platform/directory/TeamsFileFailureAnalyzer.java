package dev.breakdown.platform.directory;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken team directory at start into its list of problems instead of a stack trace. */
class TeamsFileFailureAnalyzer extends AbstractFailureAnalyzer<DirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DirectoryException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the file named by "
                + TeamDirectoryAutoConfiguration.VARIABLE + " (its format: platform/README.md), or leave "
                + TeamDirectoryAutoConfiguration.VARIABLE + " empty for the shipped directory, then start again.",
                cause);
    }
}
