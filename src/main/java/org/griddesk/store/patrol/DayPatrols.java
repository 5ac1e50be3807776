package org.griddesk.store.patrol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.patrol.TrackCodec;
import org.griddesk.patrol.TrackPoints;

/// The tracks of a day for the map: each worker's batches in a grid joined into one track in time
/// order (a backlog sent late, or batches sent out of order, still draw as one line). The points
/// are decoded straight into a track's columns ([TrackPoints]), with no object a point.
public final class DayPatrols {
    private final PatrolRepository repository;

    public DayPatrols(PatrolRepository repository) {
        this.repository = repository;
    }

    /// The day's tracks in the grids (every grid when `grids` is null).
    public List<PatrolTrack> tracks(LocalDate day, Collection<String> grids) {
        record Owner(String account, String grid) {
        }
        Map<Owner, TrackPoints.Builder> joined = new LinkedHashMap<>();
        for (PatrolRepository.Piece piece : repository.pieces(day, grids)) {
            // pieces come by their first point's time; a late batch may overlap an earlier one's span
            TrackCodec.decodeInto(piece.firstAt(), piece.points(),
                    joined.computeIfAbsent(new Owner(piece.accountId(), piece.gridCode()), o -> new TrackPoints.Builder(720)));
        }
        List<PatrolTrack> tracks = new ArrayList<>(joined.size());
        joined.forEach((owner, points) -> tracks.add(new PatrolTrack(owner.account(), owner.grid(), points.build())));
        return tracks;
    }
}
