package dev.breakdown.agent.policy;

import dev.breakdown.contracts.IssueEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared fixtures: "today" and a plain open GitHub issue. */
final class Events {

    /** "Today" in every policy test: 2025-10-20, midday UTC (a Monday). */
    static final Clock TODAY = Clock.fixed(Instant.parse("2025-10-20T12:00:00Z"), ZoneOffset.UTC);

    private Events() {
    }

    static IssueEvent.Builder issue(String... labels) {
        return IssueEvent.builder()
                .eventId("evt-1")
                .projectId("alpha")
                .source("github")
                .type("issue_updated")
                .repo("acme/web")
                .issueNumber(7)
                .title("Something is off")
                .url("https://github.com/acme/web/issues/7")
                .labels(List.of(labels))
                .state("open");
    }
}
