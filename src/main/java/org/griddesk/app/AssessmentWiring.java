package org.griddesk.app;

import java.time.Clock;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.Database;
import org.griddesk.store.assessment.ScoreWeightsRepository;
import org.griddesk.store.assessment.TicketDigests;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.supervise.bulletin.BulletinSources;

/// What the assessment's command line and screens read, built from one store: the KPI engine, the
/// formula's settings, the town areas and the tickets' digests.
final class AssessmentWiring {
    private AssessmentWiring() {
    }

    static KpiEngine engine(Database db) {
        throw new IllegalStateException("the SQL KPI engine is not merged into this build yet");
    }

    static BulletinSources sources(Database db) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        ScoreWeightsRepository weights = new ScoreWeightsRepository(db.dsl(), Clock.systemUTC());
        TicketDigests digests = new TicketDigests(db.dsl());
        String name = district.districtMap().map(DistrictMap::name).orElse("全区");
        return new BulletinSources(name, engine(db), weights::current, () -> district.regions(RegionLevel.AREA), digests::of);
    }
}
