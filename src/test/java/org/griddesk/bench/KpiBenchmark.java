package org.griddesk.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.assessment.SqlKpiEngine;
import org.griddesk.store.assessment.TrailReplay;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.TestDatabases;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// The KPI engine (`-Dbench=Kpi`): every measure for every unit of every dimension for one month
/// (a month of 2026) over the two-year demo history (about 76,000 tickets, 680,000 events), in SQL on
/// H2 and on PostgreSQL (goal: under 1 s), against the baseline in the same run: replaying every
/// ticket's trail in Java ([TrailReplay]), which computes the same figures for all units at once.
///
/// Each invocation takes the next month of 2026 (January to November, all inside the history), so
/// that no store answers from the result of the same query asked before (H2 keeps a command's last
/// result while no table changed). Not forked (`@Fork(0)`): each store holds the two-year history,
/// written once per run (minutes) and shared by the SQL and the replay trials through [#STORES].
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(0)
public class KpiBenchmark {
    /// the history ends here: it holds every day of 2026 before December
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private int month;
    private static final Map<DatabaseKind, Database> STORES = new EnumMap<>(DatabaseKind.class);

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind store;

    private SqlKpiEngine engine;
    private TrailReplay replay;
    private TicketRepository tickets;

    @Setup
    public void prepare() throws Exception {
        Database db;
        synchronized (STORES) {
            db = STORES.get(store);
            if (db == null) {
                db = TestDatabases.freshMigrated(store, Files.createTempDirectory("kpi-bench"));
                long start = System.nanoTime();
                DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 730, NOW, step -> { });
                System.out.printf("KPI bench: %s store with the two-year history (%d tickets) in %.0f s%n", store,
                        new TicketRepository(db.dsl()).count(), (System.nanoTime() - start) / 1e9);
                STORES.put(store, db);
            }
        }
        WorkCalendar calendar = WorkCalendar.builtIn();
        engine = new SqlKpiEngine(db.dsl(), calendar, TimingPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        replay = new TrailReplay(db.dsl(), calendar, TimingPolicy.DEFAULT);
        tickets = new TicketRepository(db.dsl());
    }

    /// Every measure of every unit of the seven dimensions, in SQL.
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 7)
    public long sql() {
        long total = 0;
        for (List<KpiSheet> sheets : engine.everySheet(nextMonth(), KpiFilter.ALL).values()) {
            total += sheets.stream().mapToLong(s -> s.count(Measure.RECEIVED)).sum();
        }
        return total;
    }

    /// The same figures by reading and replaying every trail in Java.
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long replay() {
        Period period = nextMonth();
        var all = replay.replay(tickets, period, period.end(), KpiFilter.ALL);
        return all.values().stream().mapToLong(Map::size).sum();
    }

    private Period nextMonth() {
        month = month % 11 + 1;
        return Period.month(YearMonth.of(2026, month));
    }
}
