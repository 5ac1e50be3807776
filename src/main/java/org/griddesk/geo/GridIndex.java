package org.griddesk.geo;

import java.util.Collection;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/// Finds the grid a point lies in: an STR-tree of grid envelopes narrows the 1574 grids to the
/// few whose box holds the point, then an indexed point-in-polygon locator per grid answers exactly.
///
/// A point on an edge two grids share belongs to the grid with the smaller code, so every point
/// of the district has exactly one answer; a point outside every grid has none.
public final class GridIndex {
    private record Entry(Region grid, Envelope box, IndexedPointInAreaLocator locator) {
    }

    private final STRtree tree = new STRtree();
    private final int size;

    public GridIndex(Collection<Region> grids) {
        for (Region grid : grids) {
            Envelope box = grid.shape().getEnvelopeInternal();
            tree.insert(box, new Entry(grid, box, new IndexedPointInAreaLocator(grid.shape())));
        }
        tree.build();
        size = grids.size();
    }

    public int size() {
        return size;
    }

    public Optional<Region> locate(double lon, double lat) {
        Coordinate point = new Coordinate(lon, lat);
        Region[] found = new Region[1];
        tree.query(new Envelope(point), item -> {
            Entry e = (Entry) item;
            if ((found[0] == null || e.grid().code().compareTo(found[0].code()) < 0)
                    && e.box().covers(lon, lat) && e.locator().locate(point) != Location.EXTERIOR) {
                found[0] = e.grid();
            }
        });
        return Optional.ofNullable(found[0]);
    }
}
