package dev.breakdown.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingTimeTest {

    @Test
    void hoursAreStartDashEndWithTheStartFirst() {
        assertThat(WorkingTime.hours(" 08:30 - 16:45 ")).contains(new WorkingTime.Hours(LocalTime.of(8, 30),
                LocalTime.of(16, 45)));
        assertThat(WorkingTime.hours("22:00-06:00")).as("overnight").isEmpty();
        assertThat(WorkingTime.hours("09:00-09:00")).isEmpty();
        assertThat(WorkingTime.hours("9-5")).isEmpty();
        assertThat(WorkingTime.hours("09:00")).isEmpty();
    }

    @Test
    void daysAreOneDayOrARangeThatMayWrap() {
        assertThat(WorkingTime.days("mon-fri")).contains(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(WorkingTime.days("Saturday")).contains(EnumSet.of(DayOfWeek.SATURDAY));
        assertThat(WorkingTime.days("sun-tue")).contains(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY));
        assertThat(WorkingTime.days("thu-thu")).contains(EnumSet.of(DayOfWeek.THURSDAY));
        assertThat(WorkingTime.days("mo")).as("too short to be sure").isEmpty();
        assertThat(WorkingTime.days("mon-")).isEmpty();
        assertThat(WorkingTime.days("mon-wed-fri")).isEmpty();
        assertThat(WorkingTime.days("holiday")).isEmpty();
    }
}
