package org.griddesk.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.Team;
import org.griddesk.store.Database;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.care.CareRecords;
import org.griddesk.store.district.AlarmItemRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.AccountDemoRoster;
import org.griddesk.store.ticket.TicketHistoryWriter;
import org.griddesk.store.ticket.TicketRepository;

/// Generates the demo district and writes it into a store that has none.
///
/// The district is one transaction; its ticket history is written at the same time on another
/// thread, in transactions of whole tickets that commit only once the district has. The seed and
/// the history's plan are recorded with the district, so a first start that was interrupted (the
/// desk closed while it worked) completes the very same history next time.
public final class DemoDistrictLoader {
    static final String SEED_PROPERTY = "demo_seed";

    private DemoDistrictLoader() {
    }

    /// Generates and saves with two years of history. Returns false (and writes nothing) when the
    /// store already holds a district.
    public static boolean loadIfEmpty(Database db, long seed, LoadProgress progress) {
        return loadIfEmpty(db, seed, DemoHistoryGenerator.DEFAULT_DAYS, Instant.now(), progress);
    }

    /// As above, with `historyDays` days of tickets up to `now` (0: no history).
    public static boolean loadIfEmpty(Database db, long seed, int historyDays, Instant now, LoadProgress progress) {
        return loadIfEmpty(db, DistrictAhead.onDemand(seed), historyDays, now, progress);
    }

    /// As above, with the district of `district`'s seed, perhaps generated ahead while the store opened.
    public static boolean loadIfEmpty(Database db, DistrictAhead district, int historyDays, Instant now, LoadProgress progress) {
        long seed = district.seed();
        LoadProgress report = serialised(progress);
        DistrictRepository repository = new DistrictRepository(db.dsl());
        SystemPropertyRepository properties = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
        if (repository.hasDistrict()) {
            if (properties.find(SEED_PROPERTY).isPresent()) {
                // a demo district stored before its code was recorded
                properties.putIfAbsent(SystemProperty.DISTRICT_CODE, DemoDistrictGenerator.DISTRICT_CODE);
                // a demo store made before accounts existed
                AccountDemoRoster.createIfDemo(db.dsl(), Clock.systemUTC());
                // or before alarm kinds named items
                new AlarmItemRepository(db.dsl(), Clock.systemUTC()).seedIfEmpty(DemoDistrictGenerator.ALARM_ITEMS);
            }
            return completeHistory(db, properties, district, historyDays, now, report);
        }
        report.step("geography");
        DemoDistrictData data = district.take();
        HistoryPlan plan = historyDays > 0 ? new HistoryPlan(historyDays, now) : null;
        CompletableFuture<Void> districtSaved = new CompletableFuture<>();
        CompletableFuture<Void> history = plan == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> writeHistory(db, properties, data, seed, plan, districtSaved, report),
                        runnable -> Thread.ofPlatform().name("griddesk:demo-history-writer").start(runnable));
        try {
            report.step("saving");
            Map<String, String> teamTypes = data.teams().stream().collect(Collectors.toMap(t -> t.unit().id(), Team::teamTypeCode));
            repository.save(data.map(), data.organisation(), teamTypes, data.taxonomy(), data.gridWorkers(), data.population(),
                    data.cameras(), data.visitHouseholds());
            properties.put(SEED_PROPERTY, Long.toString(seed));
            properties.put(SystemProperty.DISTRICT_CODE, DemoDistrictGenerator.DISTRICT_CODE);
            AccountDemoRoster.createIfDemo(db.dsl(), Clock.systemUTC());
            new AlarmItemRepository(db.dsl(), Clock.systemUTC()).seedIfEmpty(DemoDistrictGenerator.ALARM_ITEMS);
            if (plan != null) {
                plan.record(properties);
            }
            districtSaved.complete(null);
            report.districtReady();
            repository.recordVisits(DemoDistrictGenerator.visits(data.visitHouseholds(), WorkCalendar.localDate(now), 3, seed));
            CareRecords.insertAll(db.dsl(), DemoCare.records(data.visitHouseholds(), now, seed));
        } catch (RuntimeException | Error e) {
            districtSaved.completeExceptionally(e);
            history.exceptionally(stopped -> null).join(); // it stops because of this failure
            throw e;
        }
        DistrictAhead.join(history);
        report.step("done");
        return true;
    }

    /// A district that is there already: completes its demo history if a first start was
    /// interrupted before that history was whole.
    private static boolean completeHistory(Database db, SystemPropertyRepository properties, DistrictAhead district,
                                           int historyDays, Instant now, LoadProgress report) {
        Optional<SystemProperty> recordedSeed = properties.find(SEED_PROPERTY);
        if (recordedSeed.isEmpty() || historyDays == 0 || HistoryPlan.complete(properties)) {
            return false; // an imported district, or a demo district that is whole
        }
        Optional<HistoryPlan> recordedPlan = HistoryPlan.recorded(properties);
        if (recordedPlan.isEmpty() && new TicketRepository(db.dsl()).count() > 0) {
            return false; // written before plans were recorded: nothing to resume
        }
        HistoryPlan plan = recordedPlan.orElseGet(() -> new HistoryPlan(historyDays, now));
        plan.record(properties);
        report.districtReady();
        long seed = Long.parseLong(recordedSeed.get().value());
        report.step("geography");
        DemoDistrictData data = seed == district.seed() ? district.take() : new DemoDistrictGenerator(seed).generate();
        writeHistory(db, properties, data, seed, plan, CompletableFuture.completedFuture(null), report);
        report.step("done");
        return true;
    }

    private static void writeHistory(Database db, SystemPropertyRepository properties, DemoDistrictData data, long seed,
                                     HistoryPlan plan, CompletableFuture<Void> districtSaved, LoadProgress report) {
        report.step("history");
        AtomicInteger shown = new AtomicInteger(-1);
        long written = HistoryPipeline.run(new DemoHistoryGenerator(data, seed), plan, new TicketHistoryWriter(db), last -> {
            districtSaved.join(); // no ticket commits before its district; a failed district stops the history
            int percent = plan.percentAt(last.ticket().intake().reportedAt());
            if (shown.getAndAccumulate(percent, Math::max) < percent) {
                report.percent(percent);
            }
        });
        plan.markComplete(properties, written);
        db.refreshStatistics();
        if (shown.get() < 100) {
            report.percent(100);
        }
    }

    /// Steps arrive from the district thread and the history thread; listeners hear them one at a time.
    private static LoadProgress serialised(LoadProgress progress) {
        Object lock = new Object();
        return new LoadProgress() {
            @Override
            public void step(String key) {
                synchronized (lock) {
                    progress.step(key);
                }
            }

            @Override
            public void percent(int percent) {
                synchronized (lock) {
                    progress.percent(percent);
                }
            }

            @Override
            public void districtReady() {
                synchronized (lock) {
                    progress.districtReady();
                }
            }
        };
    }
}
