package org.griddesk.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.Database;
import org.griddesk.store.assessment.ScoreWeightsRepository;
import org.griddesk.store.assessment.SqlKpiEngine;
import org.griddesk.store.assessment.TicketDigests;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.supervise.bulletin.BulletinSources;

/// What the assessment's command line and screens read, built from one store: the KPI engine, the
/// formula's settings, the town areas and the tickets' digests.
final class AssessmentWiring {
    private AssessmentWiring() {
    }

    static KpiEngine engine(Database db) {
        Clock clock = Clock.systemUTC();
        return new SqlKpiEngine(db.dsl(), new CalendarRepository(db.dsl(), clock).workCalendar(), TimingPolicy.DEFAULT, clock);
    }

    /// The sources of the store `database` gives, built once per store when first asked (off the FX
    /// thread: building the engine brings the store's working-day table up to date).
    static Supplier<BulletinSources> lazily(Supplier<Database> database) {
        AtomicReference<Map.Entry<Database, BulletinSources>> built = new AtomicReference<>();
        return () -> {
            Database db = database.get();
            if (db == null) {
                throw new IllegalStateException("the store is not open yet");
            }
            var current = built.get();
            if (current == null || current.getKey() != db) {
                current = Map.entry(db, sources(db));
                built.set(current);
            }
            return current.getValue();
        };
    }

    static BulletinSources sources(Database db) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        ScoreWeightsRepository weights = new ScoreWeightsRepository(db.dsl(), Clock.systemUTC());
        TicketDigests digests = new TicketDigests(db.dsl());
        String name = district.districtMap().map(DistrictMap::name).orElse("全区");
        return new BulletinSources(name, engine(db), weights::current, () -> district.regions(RegionLevel.AREA), digests::of);
    }
}
