package org.griddesk.bench;

import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.visit.VisitCoverage;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.visit.VisitRepository;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.visit.VisitPlans;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// Visit coverage (`-Dbench=VisitCoverage`): every grid's coverage for a month under the visit
/// frequencies ([VisitPlans#coverage], goal: under 200 ms for the 1574 grids) on the demo district's
/// three months of visits (about 20,000 must-visit households), on H2 and on PostgreSQL, against the
/// baseline in the same run: the per-grid query the grid card asks today
/// ([DistrictRepository#visitCoverage], visited at least once in the month), asked for each grid.
///
/// PostgreSQL's statistics are gathered after the load (`ANALYZE`, as autovacuum does in a running
/// store). Before each call one visit is added, so that no store answers from the same query's last result
/// (H2 keeps it while no table changed). Not forked (`@Fork(0)`): each store is written once per
/// run and shared by both methods through [#STORES].
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(0)
public class VisitCoverageBenchmark {
    static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final Map<DatabaseKind, Database> STORES = new EnumMap<>(DatabaseKind.class);

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind store;

    private Database db;
    private VisitPlans plans;
    private DistrictRepository district;
    private List<String> grids;
    private String someHousehold;

    @Setup
    public void prepare() throws Exception {
        synchronized (STORES) {
            db = STORES.get(store);
            if (db == null) {
                db = TestDatabases.freshMigrated(store, Files.createTempDirectory("visit-bench"));
                DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, NOW, step -> { });
                if (store == DatabaseKind.POSTGRESQL) {
                    // as autovacuum would soon after a load: without statistics the planner takes the
                    // just-loaded visits for a few dozen rows and joins them row by row
                    db.dsl().execute("ANALYZE");
                }
                STORES.put(store, db);
            }
        }
        district = new DistrictRepository(db.dsl());
        plans = new VisitPlans(new VisitRepository(db.dsl()), Clock.fixed(NOW, ZoneOffset.UTC));
        grids = district.regions(RegionLevel.GRID).stream().map(Region::code).toList();
        someHousehold = district.visitHouseholds().getFirst().id();
        System.out.printf("visit bench %s: %d grids, %d households, %d visits%n", store, grids.size(), district.visitHouseholdCount(),
                db.dsl().fetchCount(HOUSEHOLD_VISIT));
    }

    /// A new visit before each call: the store cannot answer from a cached result.
    @Setup(Level.Invocation)
    public void touch() {
        db.dsl().insertInto(HOUSEHOLD_VISIT).set(HOUSEHOLD_VISIT.HOUSEHOLD_ID, someHousehold).set(HOUSEHOLD_VISIT.WORKER_ID, "bench")
                .set(HOUSEHOLD_VISIT.VISITED_ON, LocalDate.of(2026, 11, 15)).execute();
    }

    /// Every grid's coverage under the frequencies, in three grouped queries.
    @Benchmark
    public int coverage() {
        Map<String, VisitCoverage> all = plans.coverage(MONTH);
        return all.values().stream().mapToInt(VisitCoverage::made).sum();
    }

    /// The same question asked the way the grid card asks it, one grid at a time.
    @Benchmark
    public double perGrid() {
        double sum = 0;
        for (String grid : grids) {
            sum += district.visitCoverage(grid, MONTH);
        }
        return sum;
    }
}
