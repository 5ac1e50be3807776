package org.griddesk.supervise.bulletin;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.ScoreWeights;
import org.griddesk.geo.Region;
import org.griddesk.store.assessment.AssessmentReaders;
import org.griddesk.store.assessment.TicketDigests;

/// What a bulletin is made from: the KPI engine, the formula's settings, the town areas' shapes and the
/// digests of the tickets it names. The app builds it from the store; tests from hand-made figures.
///
/// @param districtName the title's district
/// @param areas        the AREA regions (their codes are the town centres' ids)
public record BulletinSources(String districtName, KpiEngine engine, Supplier<ScoreWeights> weights, Supplier<List<Region>> areas,
                             Function<List<Long>, List<TicketDigests.Digest>> digests) {

    /// the sources a store's readers give
    public static BulletinSources of(AssessmentReaders store) {
        return new BulletinSources(store.districtName(), store.engine(), store.weights()::current, store::areas, store.digests()::of);
    }
}
