package org.griddesk.domain.digest;

import java.util.List;

/// A community whose intake on the day is far above its baseline, with its grids' counts that day
/// (busiest first): the cluster of grids the hot spot is made of.
public record HotSpot(Spike community, String areaName, List<GridCount> grids) {
    public HotSpot {
        grids = List.copyOf(grids);
    }

    /// One grid of the hot spot and its count on the day.
    public record GridCount(String gridCode, String gridName, long today) {
    }
}
