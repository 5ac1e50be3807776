package org.griddesk.store.assessment;

import java.time.Clock;
import java.util.List;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.DistrictRepository;
import org.jooq.DSLContext;

/// What the assessment's reports read from one store: the KPI engine (on the store's working-day
/// calendar), the formula's settings, the tickets' digests, and the district's name and town areas.
public record AssessmentReaders(String districtName, SqlKpiEngine engine, ScoreWeightsRepository weights, TicketDigests digests,
                                DistrictRepository district) {

    /// Builds them on `dsl` (brings the store's working-day table up to date: not on the FX thread).
    public static AssessmentReaders of(DSLContext dsl, Clock clock) {
        DistrictRepository district = new DistrictRepository(dsl);
        return new AssessmentReaders(district.districtMap().map(DistrictMap::name).orElse("全区"),
                SqlKpiEngine.of(dsl, clock),
                new ScoreWeightsRepository(dsl, clock), new TicketDigests(dsl), district);
    }

    /// the towns' shapes (AREA regions, coded as their centres)
    public List<Region> areas() {
        return district.regions(RegionLevel.AREA);
    }
}
