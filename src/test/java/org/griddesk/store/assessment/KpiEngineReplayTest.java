package org.griddesk.store.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The SQL of the KPI engine against the independent replay of every trail ([TrailReplay]) on the
/// demo history: every measure of every unit of every dimension must agree exactly. The history is
/// 45 days (about 4,000 tickets) rather than two years, to keep the suite quick; the benchmark
/// compares the two on the whole two years.
class KpiEngineReplayTest {
    /// a fixed "now": the history ends here, and December is a period that has not ended
    private static final Instant NOW = LifecycleFixture.shanghai("2026-12-03T15:20");
    private static final int HISTORY_DAYS = 45;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyMeasureOfEveryUnitAgreesWithTheReplayedTrails(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, HISTORY_DAYS, NOW, step -> { });
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(db.dsl().fetchValue("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'ticket_event' "
                        + "AND last_analyze IS NOT NULL", Long.class)).as("the server has statistics of the loaded trail").isEqualTo(1L);
            }
            WorkCalendar calendar = WorkCalendar.builtIn();
            SqlKpiEngine engine = new SqlKpiEngine(db.dsl(), calendar, TimingPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
            TrailReplay replay = new TrailReplay(db.dsl(), calendar, TimingPolicy.DEFAULT);
            TicketRepository tickets = new TicketRepository(db.dsl());

            Period november = Period.month(YearMonth.of(2026, 11));
            var replayed = replay.replay(tickets, november, november.end(), KpiFilter.ALL);
            assertThat(replayed.get(UnitDimension.DISTRICT).values().iterator().next().count(Measure.RECEIVED))
                    .as("a month of the demo history has work to count").isGreaterThan(1_000);
            for (Measure m : Measure.values()) {
                if (m == Measure.REPEAT_REQUESTS) {
                    continue; // the demo folds few duplicates: the hand-made history counts them
                }
                assertThat(replayed.get(UnitDimension.DISTRICT).values().iterator().next().count(m))
                        .as("the demo month exercises " + m).isPositive();
            }
            agree(engine, replay, tickets, november, november.end(), KpiFilter.ALL, replayed);

            // daily() against a sheet per day over the whole history, "now" and the day after
            LocalDate today = NOW.atZone(WorkCalendar.ZONE).toLocalDate();
            Period history = Period.custom(today.minusDays(HISTORY_DAYS), today.plusDays(1));
            assertThat(DailyAgreement.assertDailyIsEachDaysSheet(engine, history, KpiFilter.ALL)).isGreaterThan(HISTORY_DAYS - 2);
            DailyAgreement.assertDailyIsEachDaysSheet(engine, november, KpiFilter.channel(Channel.HOTLINE_8890));

            Period december = Period.month(YearMonth.of(2026, 12));
            agree(engine, replay, tickets, december, NOW, KpiFilter.ALL, null);
            agree(engine, replay, tickets, november, november.end(), KpiFilter.channel(Channel.HOTLINE_8890), null);
        }
    }

    private static void agree(SqlKpiEngine engine, TrailReplay replay, TicketRepository tickets, Period period, Instant asOf,
                              KpiFilter filter, Map<UnitDimension, Map<String, TrailReplay.Tally>> known) {
        var replayed = known != null ? known : replay.replay(tickets, period, asOf, filter);
        Map<UnitDimension, List<KpiSheet>> every = engine.everySheet(period, filter);
        for (UnitDimension d : UnitDimension.values()) {
            List<KpiSheet> sheets = engine.sheets(period, d, filter);
            assertThat(every.get(d)).as("every dimension at once gives each dimension's sheets").isEqualTo(sheets);
            Map<String, Map<Measure, Long>> sql = sheets.stream().filter(s -> !s.isEmpty())
                    .collect(Collectors.toMap(KpiSheet::unitId, KpiSheet::counts, (a, b) -> a, TreeMap::new));
            Map<String, Map<Measure, Long>> replayedCounts = new TreeMap<>();
            replayed.get(d).forEach((unit, tally) -> {
                if (!tally.nonZero().isEmpty()) {
                    replayedCounts.put(unit, tally.nonZero());
                }
            });
            assertThat(sql).as(d + " " + period.label() + " " + filter).isEqualTo(replayedCounts);
            for (KpiSheet s : sheets) {
                for (Rate r : Rate.values()) {
                    s.rate(r).ifPresent(v -> assertThat(v).as("%s of %s %s: numerator within the denominator's tickets",
                            r, d, s.unitId()).isBetween(0.0, 1.0));
                }
            }
            // the drill-down of the unit with the most work names the tickets the replay counted
            String busiest = replayed.get(d).entrySet().stream()
                    .max(Comparator.comparingLong(e -> e.getValue().count(Measure.RECEIVED))).orElseThrow().getKey();
            for (Measure m : Measure.values()) {
                List<Long> expected = replayed.get(d).get(busiest).tickets().getOrDefault(m, java.util.Set.of()).stream()
                        .sorted(Comparator.reverseOrder()).toList();
                assertThat(engine.ticketsBehind(period, d, busiest, m, filter)).as(d + " " + busiest + " " + m)
                        .isEqualTo(expected);
            }
        }
    }
}
