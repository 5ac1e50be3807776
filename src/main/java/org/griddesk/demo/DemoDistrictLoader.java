package org.griddesk.demo;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.griddesk.domain.district.Team;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketHistoryWriter;

/// Generates the demo district and writes it into a store that has none.
public final class DemoDistrictLoader {
    private DemoDistrictLoader() {
    }

    /// Generates and saves; `progress` hears short lines for the window and the console.
    /// Returns false (and writes nothing) when the store already holds a district.
    public static boolean loadIfEmpty(Database db, long seed, Consumer<String> progress) {
        return loadIfEmpty(db, seed, DemoHistoryGenerator.DEFAULT_DAYS, java.time.Instant.now(), progress);
    }

    /// As above, with `historyDays` days of tickets up to `now` (0: no history).
    public static boolean loadIfEmpty(Database db, long seed, int historyDays, java.time.Instant now,
                                      Consumer<String> progress) {
        DistrictRepository repository = new DistrictRepository(db.dsl());
        if (repository.hasDistrict()) {
            return false;
        }
        progress.accept("geography");
        DemoDistrictData data = new DemoDistrictGenerator(seed).generate();
        progress.accept("saving");
        Map<String, String> teamTypes = data.teams().stream().collect(Collectors.toMap(t -> t.unit().id(), Team::teamTypeCode));
        repository.save(data.map(), data.organisation(), teamTypes, data.taxonomy(), data.gridWorkers(), data.population(),
                data.cameras());
        if (historyDays > 0) {
            progress.accept("history");
            DemoHistoryGenerator history = new DemoHistoryGenerator(data, seed);
            var histories = history.generate(historyDays, now);
            progress.accept("savingHistory");
            new TicketHistoryWriter(db).write(histories);
        }
        progress.accept("done");
        return true;
    }
}
