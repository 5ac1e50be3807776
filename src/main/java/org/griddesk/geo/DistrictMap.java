package org.griddesk.geo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/// The district's geography: its outline (a Polygon, or a MultiPolygon for a district with
/// exclaves), the river along its north edge (null when unknown), and the areas, communities and
/// grids that tile it.
public record DistrictMap(String name, Geometry outline, LineString river, List<Region> areas, List<Region> communities,
                          List<Region> grids) {

    public DistrictMap {
        areas = List.copyOf(areas);
        communities = List.copyOf(communities);
        grids = List.copyOf(grids);
    }

    public Map<String, Region> byCode() {
        return Stream.of(areas, communities, grids).flatMap(List::stream)
                .collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
    }
}
