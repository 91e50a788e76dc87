package dev.breakdown.contracts;

/** Derives the issue key used as the Kafka record key: {@code github:<owner>/<repo>#<n>} or {@code jira:<KEY-1>}. */
public final class IssueKeys {
    private IssueKeys() {
    }

    public static String of(String source, String repo, Integer issueNumber, String jiraKey) {
        if (IssueEvent.SOURCE_JIRA.equals(source)) {
            if (jiraKey == null || jiraKey.isBlank()) {
                throw new IllegalArgumentException("a jira event needs issue_key");
            }
            return "jira:" + jiraKey;
        }
        if (IssueEvent.SOURCE_GITHUB.equals(source)) {
            if (repo == null || repo.isBlank() || issueNumber == null) {
                throw new IllegalArgumentException("a github event needs repo and issue_number");
            }
            return "github:" + repo + "#" + issueNumber;
        }
        throw new IllegalArgumentException("unknown source '" + source + "', expected github or jira");
    }
}
