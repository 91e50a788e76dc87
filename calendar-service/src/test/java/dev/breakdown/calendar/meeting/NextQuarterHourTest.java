package dev.breakdown.calendar.meeting;

import static dev.breakdown.calendar.meeting.MeetingScheduler.nextQuarterHour;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NextQuarterHourTest {

    @Test
    void defaultStartIsTheNextQuarterHourAfterNow() {
        assertThat(nextQuarterHour(Instant.parse("2025-10-20T10:07:31Z"))).isEqualTo("2025-10-20T10:15:00Z");
        assertThat(nextQuarterHour(Instant.parse("2025-10-20T10:15:00Z"))).isEqualTo("2025-10-20T10:30:00Z");
        assertThat(nextQuarterHour(Instant.parse("2025-10-20T23:59:59.999Z"))).isEqualTo("2025-10-21T00:00:00Z");
    }
}
