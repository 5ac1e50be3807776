package org.griddesk.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.griddesk.dispatch.PlaceMatch;
import org.griddesk.dispatch.Pinyin;
import org.griddesk.domain.district.Camera;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/// The district ready for the map: every region projected and simplified, where its label goes,
/// which area colour it takes, the grid index for hit tests, and the facts per grid. Building one
/// takes a few hundred milliseconds: do it off the FX thread.
public final class MapModel {
    /// A region with its drawable outline and its label point in world units.
    record Shape(Region region, ProjectedShape outline, int areaIndex, double labelX, double labelY) {
    }

    private final String districtName;
    private final List<Shape> areas;
    private final List<Shape> communities;
    private final List<Shape> grids;
    private final Map<String, Shape> byCode;
    private final GridIndex index;
    private final Envelope lonLatBox;
    private final Map<String, GridFacts> facts;
    private final CameraLayer cameras;
    private final List<TicketMarker> markers;
    private final Map<String, Integer> markersPerGrid;
    private final PatrolLayer patrols;

    private MapModel(String districtName, List<Shape> areas, List<Shape> communities, List<Shape> grids, GridIndex index,
                     Envelope lonLatBox, Map<String, GridFacts> facts, CameraLayer cameras, List<TicketMarker> markers,
                     PatrolLayer patrols) {
        this.patrols = patrols;
        this.districtName = districtName;
        this.areas = areas;
        this.communities = communities;
        this.grids = grids;
        this.index = index;
        this.lonLatBox = lonLatBox;
        this.facts = Map.copyOf(facts);
        this.cameras = cameras;
        this.markers = List.copyOf(markers);
        Map<String, Integer> perGrid = new HashMap<>();
        markers.forEach(m -> {
            if (m.gridCode() != null) {
                perGrid.merge(m.gridCode(), 1, Integer::sum);
            }
        });
        this.markersPerGrid = perGrid;
        Map<String, Shape> codes = new HashMap<>();
        for (List<Shape> level : List.of(areas, communities, grids)) {
            level.forEach(s -> codes.put(s.region().code(), s));
        }
        this.byCode = codes;
    }

    public static MapModel of(DistrictMap map, Map<String, GridFacts> facts) {
        return of(map, facts, List.of(), List.of());
    }

    /// The district with its cameras and the markers of its open tickets.
    public static MapModel of(DistrictMap map, Map<String, GridFacts> facts, List<Camera> cameras,
                              List<TicketMarker> markers) {
        Map<String, Integer> areaIndex = new HashMap<>();
        for (int i = 0; i < map.areas().size(); i++) {
            areaIndex.put(map.areas().get(i).code(), i);
        }
        Map<String, String> areaOfCommunity = new HashMap<>();
        map.communities().forEach(c -> areaOfCommunity.put(c.code(), c.parentCode()));
        List<Shape> areas = shapes(map.areas(), r -> areaIndex.get(r.code()));
        List<Shape> communities = shapes(map.communities(), r -> areaIndex.getOrDefault(r.parentCode(), 0));
        List<Shape> grids = shapes(map.grids(), r -> areaIndex.getOrDefault(areaOfCommunity.get(r.parentCode()), 0));
        Envelope box = new Envelope();
        map.areas().forEach(a -> box.expandToInclude(a.shape().getEnvelopeInternal()));
        return new MapModel(map.name(), areas, communities, grids, new GridIndex(map.grids()), box, facts,
                CameraLayer.of(cameras), markers, PatrolLayer.NONE);
    }

    private static List<Shape> shapes(List<Region> regions, ToIntFunction<Region> area) {
        List<Shape> shapes = new ArrayList<>(regions.size());
        for (Region r : regions) {
            Point label = r.mainPart().getInteriorPoint();
            shapes.add(new Shape(r, ProjectedShape.of(r.shape()), area.applyAsInt(r), WebMercator.x(label.getX()),
                    WebMercator.y(label.getY())));
        }
        return List.copyOf(shapes);
    }

    /// The same district with new facts (visits recorded).
    public MapModel withFacts(Map<String, GridFacts> newFacts) {
        return new MapModel(districtName, areas, communities, grids, index, lonLatBox, newFacts, cameras, markers, patrols);
    }

    /// The same district with new facts and ticket markers (tickets changed).
    public MapModel withTickets(Map<String, GridFacts> newFacts, List<TicketMarker> newMarkers) {
        return new MapModel(districtName, areas, communities, grids, index, lonLatBox, newFacts, cameras, newMarkers, patrols);
    }

    /// The same district without ticket markers (a map that colours figures, not open work).
    public MapModel withoutMarkers() {
        return new MapModel(districtName, areas, communities, grids, index, lonLatBox, facts, cameras, List.of(), patrols);
    }

    /// The same district with today's patrol tracks and coverage (the patrol mode draws them).
    public MapModel withPatrols(PatrolLayer newPatrols) {
        return new MapModel(districtName, areas, communities, grids, index, lonLatBox, facts, cameras, markers, newPatrols);
    }

    public PatrolLayer patrols() {
        return patrols;
    }

    public List<TicketMarker> markers() {
        return markers;
    }

    /// How many markers a grid has.
    int markerCount(String gridCode) {
        return markersPerGrid.getOrDefault(gridCode, 0);
    }

    CameraLayer cameras() {
        return cameras;
    }

    public String districtName() {
        return districtName;
    }

    /// The district's extent in longitude/latitude.
    public Envelope lonLatBox() {
        return new Envelope(lonLatBox);
    }

    /// The grid at a point, exact to the polygon (shared edges go to the smaller code).
    public Optional<Region> gridAt(double lon, double lat) {
        return index.locate(lon, lat);
    }

    public GridFacts facts(String gridCode) {
        return facts.getOrDefault(gridCode, GridFacts.NONE);
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(byCode.get(code)).map(Shape::region);
    }

    /// The communities and grids `text` finds, best first, as the entry form's place search ranks
    /// them ([PlaceMatch]): an exact code or name (`XSG-001-01`, `金桥社区`, or the `金桥` people say),
    /// then a code or name that starts with it, then one that contains it, then by pinyin or its
    /// initials (`jinqiao`, `jqsq`); on equal rank a community before grids, then by code. The first
    /// search spells every name unless [#spellNames] did it ahead.
    public List<Region> search(String text, int limit) {
        String word = text.strip();
        if (word.isEmpty()) {
            return List.of();
        }
        record Hit(int rank, Region region) {
        }
        return Stream.concat(communities.stream(), grids.stream()).map(Shape::region)
                .map(r -> new Hit(PlaceMatch.rank(r.code(), r.name(), word), r))
                .filter(h -> h.rank() != PlaceMatch.NONE)
                .sorted(Comparator.comparingInt(Hit::rank).thenComparing(h -> h.region().level() == RegionLevel.GRID)
                        .thenComparing(h -> h.region().code()))
                .limit(limit).map(Hit::region).toList();
    }

    /// Spells the communities' and grids' names for [#search] (about half a second the first time,
    /// pinyin's dictionary included): call it off the FX thread once the model is shown.
    public void spellNames() {
        Pinyin.spellAhead(Stream.concat(communities.stream(), grids.stream()).map(s -> s.region().name()).toList());
    }

    /// The district's areas, communities and grids, in that order (what a place search looks through).
    public List<Region> regions() {
        return Stream.of(areas, communities, grids).flatMap(List::stream).map(Shape::region).toList();
    }

    List<Shape> areas() {
        return areas;
    }

    List<Shape> communities() {
        return communities;
    }

    List<Shape> grids() {
        return grids;
    }

    Shape shape(String code) {
        return byCode.get(code);
    }

    /// The area a grid lies in.
    Optional<Region> areaOf(Region grid) {
        Shape g = byCode.get(grid.code());
        return g == null ? Optional.empty() : Optional.of(areas.get(g.areaIndex()).region());
    }
}
