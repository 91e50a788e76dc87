package dev.breakdown.chatweb.assistant.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The time forms the model passes to tools, and the names it matches people and issues by. */
class TimeWindowTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void spansDatesAndInstantsAreRead() {
        assertThat(TimeWindow.of("24h", null, Duration.ofDays(7), CLOCK).from()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(TimeWindow.of("2w", null, Duration.ofDays(7), CLOCK).from()).isEqualTo("2026-11-15T12:00:00Z");
        assertThat(TimeWindow.of("2026-11-01", "2026-11-02T08:00:00+01:00", Duration.ofDays(7), CLOCK))
                .isEqualTo(new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T07:00:00Z")));
        assertThat(TimeWindow.of(null, " ", Duration.ofDays(7), CLOCK))
                .isEqualTo(new TimeWindow(Instant.parse("2026-11-22T12:00:00Z"), null));
    }

    @Test
    void anUnreadableTimeSaysWhichFormsWork() {
        assertThatThrownBy(() -> TimeWindow.of("last week", null, Duration.ofDays(7), CLOCK))
                .hasMessageContaining("since 'last week'").hasMessageContaining("24h");
    }

    @Test
    void peopleAndIssuesMatchByTheirShortNames() {
        assertThat(Matches.issue("PROJ-789", "jira:PROJ-789", null)).isTrue();
        assertThat(Matches.issue("checkout#123", "github:acme/checkout#123", null)).isTrue();
        assertThat(Matches.issue("checkout#12", "github:acme/checkout#123", null)).isFalse();
        assertThat(Matches.person("alice", "owner:alice")).isTrue();
        assertThat(Matches.person("team:triage", "team:triage")).isTrue();
        assertThat(Matches.person("ali", "owner:alice")).isFalse();
        assertThat(Matches.mentioned("jira:PROJ-1", "Please triage PROJ-1 today")).isTrue();
    }
}
