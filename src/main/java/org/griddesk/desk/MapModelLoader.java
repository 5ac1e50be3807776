package org.griddesk.desk;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.map.GridFacts;
import org.griddesk.map.MapModel;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.district.GridSummary;
import org.griddesk.store.ticket.TicketRepository;
import org.jooq.DSLContext;

/// Reads the district and what each grid holds from the store and builds the map's model. Runs on
/// a background thread (a few hundred milliseconds for 1574 grids).
public final class MapModelLoader {
    private MapModelLoader() {
    }

    /// The map of the stored district, or empty when the store holds none yet.
    public static Optional<MapModel> load(DSLContext dsl, Instant now) {
        return new DistrictRepository(dsl).districtMap().map(map -> MapModel.of(map, facts(dsl, now)));
    }

    /// Fresh facts for a model already built (tickets changed, visits recorded).
    public static MapModel refresh(MapModel model, DSLContext dsl, Instant now) {
        return model.withFacts(facts(dsl, now));
    }

    private static Map<String, GridFacts> facts(DSLContext dsl, Instant now) {
        Map<String, GridSummary> summaries = new DistrictRepository(dsl).gridSummaries(YearMonth.from(WorkCalendar.localDate(now)));
        Map<String, TicketRepository.GridLoad> load = new TicketRepository(dsl).openLoadByGrid(now);
        Map<String, GridFacts> facts = new HashMap<>();
        summaries.forEach((code, s) -> {
            TicketRepository.GridLoad l = load.getOrDefault(code, new TicketRepository.GridLoad(0, 0));
            facts.put(code, new GridFacts(s.workerName(), s.households(), s.residents(), s.cameras(), s.visitCoverage(),
                    l.open(), l.overdue()));
        });
        return facts;
    }
}
