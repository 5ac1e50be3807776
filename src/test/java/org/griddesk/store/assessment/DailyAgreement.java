package org.griddesk.store.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.SortedMap;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.UnitDimension;

/// `daily()` (every day in one grouped query per kind of facts) against `sheet()` asked for each day
/// alone: for the busiest unit of every dimension, day by day, every measure must be the same.
final class DailyAgreement {
    private DailyAgreement() {
    }

    /// @return how many days had some figure for the district (so a caller can see it tested something)
    static long assertDailyIsEachDaysSheet(SqlKpiEngine engine, Period period, KpiFilter filter) {
        long busyDays = 0;
        for (UnitDimension d : UnitDimension.values()) {
            String busiest = engine.sheets(period, d, filter).stream()
                    .max(Comparator.comparingLong((KpiSheet s) -> s.counts().values().stream().mapToLong(Long::longValue).sum())
                            .thenComparing(KpiSheet::unitId, Comparator.reverseOrder()))
                    .orElseThrow().unitId();
            SortedMap<LocalDate, KpiSheet> daily = engine.daily(period, d, busiest, filter);
            assertThat(daily.keySet()).as(d + " " + busiest + " has every day").hasSize((int) period.days())
                    .startsWith(period.first()).endsWith(period.last());
            for (LocalDate day = period.first(); !day.isAfter(period.last()); day = day.plusDays(1)) {
                KpiSheet alone = engine.sheet(Period.day(day), d, busiest, filter);
                assertThat(daily.get(day)).as(d + " " + busiest + " on " + day + " " + filter).isEqualTo(alone);
                if (d == UnitDimension.DISTRICT && !alone.isEmpty()) {
                    busyDays++;
                }
            }
        }
        return busyDays;
    }

    /// the measures the days of the district counted, summed
    static long total(SqlKpiEngine engine, Period period, Measure m) {
        return engine.daily(period, UnitDimension.DISTRICT, "JN", KpiFilter.ALL).values().stream().mapToLong(s -> s.count(m)).sum();
    }
}
