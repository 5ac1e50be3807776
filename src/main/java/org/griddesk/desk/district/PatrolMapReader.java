package org.griddesk.desk.district;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.map.MapModel;
import org.griddesk.map.PatrolLayer;
import org.griddesk.patrol.PatrolCoverage;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.store.patrol.DayPatrols;
import org.griddesk.store.patrol.PatrolIngest;

/// Reads today's patrol tracks (Beijing day) and each grid's coverage into the map's model, for the
/// live map's thread: never on the FX thread. The grids' cells are worked out once per district.
public final class PatrolMapReader implements UnaryOperator<MapModel> {
    private final DayPatrols patrols;
    private final Clock clock;
    private PatrolCoverage coverage;
    private List<Region> coverageOf;

    public PatrolMapReader(DayPatrols patrols, Clock clock) {
        this.patrols = patrols;
        this.clock = clock;
    }

    @Override
    public MapModel apply(MapModel model) {
        LocalDate today = clock.instant().atZone(PatrolIngest.DAY_ZONE).toLocalDate();
        List<Region> grids = model.regions().stream().filter(r -> r.level() == RegionLevel.GRID).toList();
        if (coverage == null || !grids.equals(coverageOf)) {
            coverage = new PatrolCoverage(grids);
            coverageOf = grids;
        }
        List<PatrolTrack> tracks = patrols.tracks(today, null);
        return model.withPatrols(PatrolLayer.of(tracks, coverage.ofAll(tracks), today.toString()));
    }
}
