package org.griddesk.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkCalendarProperties {
    private final WorkCalendar calendar = WorkCalendar.builtIn();

    @Property
    void theFastPathAgreesWithCountingDayByDay(@ForAll @IntRange(min = 0, max = 1500) int dayOffset,
                                               @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate start = LocalDate.of(2023, 6, 1).plusDays(dayOffset);
        LocalDate expected = start;
        for (int left = n; left > 0; ) {
            expected = expected.plusDays(1);
            if (calendar.isWorkingDay(expected)) {
                left--;
            }
        }
        LocalDate fast = calendar.nthWorkingDayAfter(start, n);
        assertThat(fast).isEqualTo(expected);
        assertThat(calendar.isWorkingDay(fast)).isTrue();
        assertThat(calendar.workingDaysBetween(start, fast)).isEqualTo(n);
        assertThat(calendar.nthWorkingDayBefore(fast, n)).isBeforeOrEqualTo(start);
    }
}
