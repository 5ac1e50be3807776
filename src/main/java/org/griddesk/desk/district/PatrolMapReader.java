package org.griddesk.desk.district;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
///
/// The live map refreshes on every change of the tickets, up to twice a second; the tracks are read
/// at most every [#READ_EVERY] (a worker's phone sends a batch that often) and the layer read last
/// is kept in between, so a refresh for a ticket neither reads the day's tracks again nor loses the
/// lines the layer has simplified for the map's zoom.
public final class PatrolMapReader implements UnaryOperator<MapModel> {
    /// how old the tracks shown may get before they are read again
    public static final Duration READ_EVERY = Duration.ofSeconds(30);

    private final DayPatrols patrols;
    private final Clock clock;
    private PatrolCoverage coverage;
    private List<Region> coverageOf;
    private PatrolLayer last;
    private Instant lastRead;

    public PatrolMapReader(DayPatrols patrols, Clock clock) {
        this.patrols = patrols;
        this.clock = clock;
    }

    @Override
    public MapModel apply(MapModel model) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(PatrolIngest.DAY_ZONE).toLocalDate();
        List<Region> grids = model.regions().stream().filter(r -> r.level() == RegionLevel.GRID).toList();
        boolean sameGrids = grids.equals(coverageOf);
        if (last != null && sameGrids && last.day().equals(today.toString()) && now.isBefore(lastRead.plus(READ_EVERY))) {
            return model.withPatrols(last);
        }
        if (coverage == null || !sameGrids) {
            coverage = new PatrolCoverage(grids);
            coverageOf = grids;
        }
        List<PatrolTrack> tracks = patrols.tracks(today, null);
        last = PatrolLayer.of(tracks, coverage.ofAll(tracks), today.toString());
        lastRead = now;
        return model.withPatrols(last);
    }
}
