package org.griddesk.patrol;

import java.util.List;

/// A worker's patrol on one day in one grid: their points in time order (the batches joined).
public record PatrolTrack(String accountId, String gridCode, List<PatrolPoint> points) {
}
