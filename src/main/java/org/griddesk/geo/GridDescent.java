package org.griddesk.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;

/// Finds the grid of one point without reading every grid: the areas that hold the point, their
/// communities that hold it, then their grids, which is a few dozen shapes read instead of 1574
/// (`grids locate` from the shell).
///
/// The answer is the [GridIndex]'s (on an edge two grids share, the smaller code) as long as grids
/// lie within their communities and communities within their areas, give or take a metre, as an
/// import checks: an area or community is walked into when the point lies within about a metre of
/// it, so a point on a grid's edge, which its parent's outline may miss by a rounding, still reaches
/// every grid it touches, and only the grids are asked exactly. When the walk finds no grid for a
/// point inside the district's box, every grid is asked, as before.
public final class GridDescent {
    /// how far past the areas' boxes a grid might still reach: about 100 m, far more than an import lets it
    private static final double MARGIN = 0.001;
    /// how far from an area or community a point may lie and still be looked for in it: about a metre
    private static final double NEAR = 1e-5;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GridDescent() {
    }

    /// The grid holding the point. `areas` are the district's areas, `children` gives the regions
    /// whose parent is a code, `allGrids` every grid (read only when the walk finds none).
    public static Optional<Region> locate(double lon, double lat, List<Region> areas, Function<String, List<Region>> children,
            Supplier<Collection<Region>> allGrids) {
        Coordinate point = new Coordinate(lon, lat);
        if (areas.stream().noneMatch(a -> nearBox(a, lon, lat))) {
            return Optional.empty();
        }
        Point at = FACTORY.createPoint(point);
        List<Region> communities = near(at, childrenOf(near(at, areas), children));
        List<Region> grids = holding(point, childrenOf(communities, children));
        Optional<Region> found = grids.stream().min((a, b) -> a.code().compareTo(b.code()));
        return found.isPresent() ? found : new GridIndex(allGrids.get()).locate(lon, lat);
    }

    private static boolean nearBox(Region region, double lon, double lat) {
        var box = region.shape().getEnvelopeInternal();
        return lon >= box.getMinX() - MARGIN && lon <= box.getMaxX() + MARGIN && lat >= box.getMinY() - MARGIN
                && lat <= box.getMaxY() + MARGIN;
    }

    private static List<Region> childrenOf(List<Region> parents, Function<String, List<Region>> children) {
        return parents.stream().flatMap(p -> children.apply(p.code()).stream()).toList();
    }

    /// The regions within [#NEAR] of the point.
    private static List<Region> near(Point at, List<Region> regions) {
        return regions.stream().filter(r -> r.shape().isWithinDistance(at, NEAR)).toList();
    }

    /// The regions whose shape holds the point, edges included.
    private static List<Region> holding(Coordinate point, List<Region> regions) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions) {
            if (r.shape().getEnvelopeInternal().covers(point) && SimplePointInAreaLocator.locate(point, r.shape()) != Location.EXTERIOR) {
                out.add(r);
            }
        }
        return out;
    }
}
