package dev.breakdown.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GitHubTimesTest {

    @Test
    void readsGitHubTimestampsExactlyAsInstantParseDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant expected = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L));
            assertThat(GitHubTimes.parse(expected.toString())).isEqualTo(expected);
        }
    }

    @Test
    void leavesEverythingElseToInstantParse() {
        for (String odd : new String[] {"2024-02-30T10:00:00Z", "2024-13-01T10:00:00Z", "2024-01-01T24:00:00Z",
                "2024-01-01T10:00:60Z", "2024-01-01 10:00:00Z", "2024-01-01T10:00:00+", "+024-01-01T10:00:00Z",
                "2024-01-01T10:00:00.5Z", "2024-01-01T10:00:00+02:00", "", "soon"}) {
            assertThat(GitHubTimes.parse(odd)).as(odd).isNull();
        }
    }

    @Test
    void agreesWithInstantParseOnMalformedDigits() {
        String valid = "2024-05-01T09:30:00Z";
        for (int at = 0; at < valid.length(); at++) {
            String mutated = valid.substring(0, at) + 'x' + valid.substring(at + 1);
            assertThat(GitHubTimes.parse(mutated)).as(mutated).isNull();
            assertThat(parsesWithInstant(mutated)).as(mutated).isFalse();
        }
    }

    private static boolean parsesWithInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
