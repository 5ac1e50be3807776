package org.griddesk.patrol;

import java.util.List;

/// A worker's patrol on one day in one grid: their points in time order (the batches joined).
public record PatrolTrack(String accountId, String gridCode, TrackPoints track) {

    /// The track of `points`, which are in time order.
    public PatrolTrack(String accountId, String gridCode, List<PatrolPoint> points) {
        this(accountId, gridCode, TrackPoints.of(points));
    }

    /// The points, each made when asked for (for a day of one grid; the map reads [#track]).
    public List<PatrolPoint> points() {
        return track.asList();
    }
}
