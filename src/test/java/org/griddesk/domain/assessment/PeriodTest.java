package org.griddesk.domain.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void readsTheFormsTheCommandLineTakes() {
        assertThat(Period.parse("2026-11")).isEqualTo(Period.month(java.time.YearMonth.of(2026, 11)));
        assertThat(Period.parse("2026-11").last()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(Period.parse("2026-2").last()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Period.parse("2026-11-05")).isEqualTo(Period.day(LocalDate.of(2026, 11, 5)));
        assertThat(Period.parse(" 2026-11-01..2026-11-15 ").days()).isEqualTo(15);
        Period week = Period.parse("2026-W47");
        assertThat(week.kind()).isEqualTo(PeriodKind.WEEK);
        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 11, 16)); // a Monday
        assertThat(week.last()).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void labelsReadBackAsTheSamePeriod() {
        for (String text : new String[] {"2026-11", "2026-W01", "2024-12-31", "2026-01-01..2026-03-31"}) {
            Period p = Period.parse(text);
            assertThat(Period.parse(p.label())).as(text).isEqualTo(p);
        }
        // 2024-12-30 is the Monday of ISO week 1 of 2025
        assertThat(Period.weekOf(LocalDate.of(2024, 12, 31)).label()).isEqualTo("2025-W01");
    }

    @Test
    void impossiblePeriodsAreRefusedInWords() {
        assertThatThrownBy(() -> Period.parse("2026-13")).hasMessageContaining("不存在的日期");
        assertThatThrownBy(() -> Period.parse("2026-02-30")).hasMessageContaining("不存在的日期");
        assertThatThrownBy(() -> Period.parse("2026-W54")).hasMessageContaining("第 54 周");
        assertThatThrownBy(() -> Period.parse("2026-11-30..2026-11-01")).hasMessageContaining("早于");
        assertThatThrownBy(() -> Period.parse("last month")).hasMessageContaining("看不懂的统计期");
        assertThatThrownBy(() -> Period.parse("2020-01-01..2026-01-01")).hasMessageContaining("超过");
    }

    @Test
    void daysAreWholeBeijingDays() {
        Period day = Period.day(LocalDate.of(2026, 11, 5));
        assertThat(day.start()).isEqualTo(Instant.parse("2026-11-04T16:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-11-05T16:00:00Z"));
        assertThat(day.contains(Instant.parse("2026-11-05T15:59:59Z"))).isTrue();
        assertThat(day.contains(Instant.parse("2026-11-05T16:00:00Z"))).isFalse();
    }

    @Test
    void theComparedPeriodIsTheOneBefore() {
        assertThat(Period.parse("2026-03").previous()).isEqualTo(Period.parse("2026-02"));
        assertThat(Period.parse("2026-01").previous()).isEqualTo(Period.parse("2025-12"));
        // ISO week 1 of 2026 runs from Monday 2025-12-29 to 2026-01-04
        assertThat(Period.parse("2026-W01").first()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.parse("2026-W01").previous().last()).isEqualTo(LocalDate.of(2025, 12, 28));
        assertThat(Period.parse("2026-11-11..2026-11-20").previous()).isEqualTo(Period.parse("2026-11-01..2026-11-10"));
    }
}
