package org.griddesk.simulate;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.DistrictRepository;
import org.locationtech.jts.geom.Point;

/// The district as the simulator needs it: where the grids are (a point inside each and its
/// community's name), the cameras, and the item codes.
public record Scenery(List<Spot> grids, List<Camera> cameras, List<String> itemCodes) {

    /// A grid, a point inside it, and the name of its community (for addresses).
    public record Spot(String gridCode, double lon, double lat, String community) {
    }

    public Scenery {
        if (grids.isEmpty() || itemCodes.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs a district with grids and a taxonomy");
        }
        grids = List.copyOf(grids);
        cameras = List.copyOf(cameras);
        itemCodes = List.copyOf(itemCodes);
    }

    /// The district of a store.
    public static Scenery of(DistrictRepository district) {
        return of(district.regions(RegionLevel.COMMUNITY), district.regions(RegionLevel.GRID), district.cameras(),
                district.taxonomy().items());
    }

    /// The demo district, as generated (for a simulator that cannot read the store).
    public static Scenery of(DemoDistrictData demo) {
        return of(demo.map().communities(), demo.map().grids(), demo.cameras(), demo.taxonomy().items());
    }

    private static Scenery of(List<Region> communityRegions, List<Region> grids, List<Camera> cameras,
                              List<Item> items) {
        Map<String, Region> communities = communityRegions.stream().collect(Collectors.toMap(Region::code, Function.identity()));
        List<Spot> spots = grids.stream().map(g -> {
            Point inside = g.mainPart().getInteriorPoint();
            Region community = communities.get(g.parentCode());
            return new Spot(g.code(), inside.getX(), inside.getY(), community == null ? g.name() : community.name());
        }).toList();
        return new Scenery(spots, cameras, items.stream().map(Item::code).toList());
    }
}
