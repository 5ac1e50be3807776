package org.griddesk.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.locationtech.jts.geom.Point;

/// Where each grid is, as anyone may be told: its name after its town's (`咸水沽镇 金桥社区第3网格`)
/// and a point inside it (its largest piece's interior point, to 5 decimals). Open311 reads say this
/// of a request's place instead of the address and point the citizen gave: a grid is some hundreds
/// of metres across, so no household can be told from it.
public final class GridPlaces {
    private static final double DECIMALS = 1e5;

    /// A grid's public place.
    public record Place(String name, double lon, double lat) {
    }

    private final Map<String, Place> byGrid = new HashMap<>();

    GridPlaces(List<Region> regions) {
        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        for (Region grid : regions) {
            if (grid.level() == RegionLevel.GRID) {
                Point inside = grid.mainPart().getInteriorPoint();
                byGrid.put(grid.code(), new Place(town(grid, byCode) + grid.name(), rounded(inside.getX()), rounded(inside.getY())));
            }
        }
    }

    /// The name of the area (town, street or zone) the grid lies in and a space, or nothing when unknown.
    private static String town(Region grid, Map<String, Region> byCode) {
        Region community = byCode.get(grid.parentCode());
        Region area = community == null ? null : byCode.get(community.parentCode());
        return area == null ? "" : area.name() + " ";
    }

    private static double rounded(double degrees) {
        return Math.round(degrees * DECIMALS) / DECIMALS;
    }

    /// The place of the grid of this code, if the district has it.
    public Optional<Place> of(String gridCode) {
        return gridCode == null ? Optional.empty() : Optional.ofNullable(byGrid.get(gridCode));
    }
}
