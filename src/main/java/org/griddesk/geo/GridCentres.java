package org.griddesk.geo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;

/// The town or street centre of each grid: the centre whose id is the code of the grid's area
/// (grid → community → area). A grid whose area has no centre belongs to no town: the district
/// centre takes its tickets. The intake routes a located request by it, and a person placing a
/// ticket (定位) moves it by the same rule.
public final class GridCentres {
    private GridCentres() {
    }

    /// Grid code → its town or street centre, for the grids whose area has one.
    public static Map<String, Unit> of(List<Region> regions, Organisation organisation) {
        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(r -> byCode.putIfAbsent(r.code(), r));
        Map<String, Unit> centres = new HashMap<>();
        for (Region region : regions) {
            if (region.level() == RegionLevel.GRID) {
                Region community = byCode.get(region.parentCode());
                String area = community == null ? null : community.parentCode();
                (area == null ? Optional.<Unit>empty() : organisation.unit(area)).filter(Unit::isCentre)
                        .ifPresent(centre -> centres.put(region.code(), centre));
            }
        }
        return Map.copyOf(centres);
    }
}
