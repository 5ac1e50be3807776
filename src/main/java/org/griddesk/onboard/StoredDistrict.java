package org.griddesk.onboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.DistrictRepository;

/// What the store already holds that the district files are checked against: its regions (from
/// `griddesk grids import`), units, team types (from `griddesk taxonomy import`) and grid workers.
record StoredDistrict(Map<String, Region> regions, GridIndex grids, Map<String, Unit> units, Map<String, TeamType> teamTypes,
                      List<GridWorker> workers) {

    static StoredDistrict read(DistrictRepository district, BaseDataRepository baseData) {
        Map<String, Region> regions = new HashMap<>();
        List<Region> grids = new ArrayList<>();
        for (RegionLevel level : List.of(RegionLevel.AREA, RegionLevel.COMMUNITY, RegionLevel.GRID)) {
            for (Region r : district.regions(level)) {
                regions.put(r.code(), r);
                if (level == RegionLevel.GRID) {
                    grids.add(r);
                }
            }
        }
        Map<String, Unit> units = new HashMap<>();
        district.organisation().units().forEach(u -> units.put(u.id(), u));
        Map<String, TeamType> types = new HashMap<>();
        district.taxonomy().teamTypes().forEach(t -> types.put(t.code(), t));
        return new StoredDistrict(Map.copyOf(regions), new GridIndex(grids), Map.copyOf(units), Map.copyOf(types),
                baseData.workers());
    }

    /// The region with this code at this level.
    Optional<Region> region(String code, RegionLevel level) {
        return Optional.ofNullable(regions.get(code)).filter(r -> r.level() == level);
    }
}
