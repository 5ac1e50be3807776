package org.griddesk.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.griddesk.domain.district.Team;
import org.griddesk.store.Database;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketHistoryWriter;
import org.griddesk.store.ticket.TicketRepository;

/// Generates the demo district and writes it into a store that has none.
///
/// The district and its history are written in two transactions. The seed is recorded with the
/// district, so a start that was interrupted after the district and before the history finished
/// (the desk closed during its first start) completes the history next time from the same seed.
public final class DemoDistrictLoader {
    static final String SEED_PROPERTY = "demo_seed";

    private DemoDistrictLoader() {
    }

    /// Generates and saves with two years of history; `progress` hears short steps for the window
    /// and the console. Returns false (and writes nothing) when the store already holds a district.
    public static boolean loadIfEmpty(Database db, long seed, Consumer<String> progress) {
        return loadIfEmpty(db, seed, DemoHistoryGenerator.DEFAULT_DAYS, Instant.now(), progress);
    }

    /// As above, with `historyDays` days of tickets up to `now` (0: no history).
    public static boolean loadIfEmpty(Database db, long seed, int historyDays, Instant now, Consumer<String> progress) {
        DistrictRepository repository = new DistrictRepository(db.dsl());
        SystemPropertyRepository properties = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
        if (repository.hasDistrict()) {
            Optional<SystemProperty> recordedSeed = properties.find(SEED_PROPERTY);
            boolean historyMissing = historyDays > 0 && recordedSeed.isPresent() && new TicketRepository(db.dsl()).count() == 0;
            if (!historyMissing) {
                return false;
            }
            long originalSeed = Long.parseLong(recordedSeed.get().value());
            progress.accept("geography");
            writeHistory(db, new DemoDistrictGenerator(originalSeed).generate(), originalSeed, historyDays, now, progress);
            progress.accept("done");
            return true;
        }
        progress.accept("geography");
        DemoDistrictData data = new DemoDistrictGenerator(seed).generate();
        progress.accept("saving");
        Map<String, String> teamTypes = data.teams().stream().collect(Collectors.toMap(t -> t.unit().id(), Team::teamTypeCode));
        repository.save(data.map(), data.organisation(), teamTypes, data.taxonomy(), data.gridWorkers(), data.population(),
                data.cameras(), data.visitHouseholds());
        properties.put(SEED_PROPERTY, Long.toString(seed));
        repository.recordVisits(DemoDistrictGenerator.visits(data.visitHouseholds(),
                org.griddesk.domain.calendar.WorkCalendar.localDate(now), 3, seed));
        if (historyDays > 0) {
            writeHistory(db, data, seed, historyDays, now, progress);
        }
        progress.accept("done");
        return true;
    }

    private static void writeHistory(Database db, DemoDistrictData data, long seed, int days, Instant now,
                                     Consumer<String> progress) {
        progress.accept("history");
        var histories = new DemoHistoryGenerator(data, seed).generate(days, now);
        progress.accept("savingHistory");
        new TicketHistoryWriter(db).write(histories);
    }
}
