package org.griddesk.desk.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.griddesk.dispatch.Pinyin;
import org.griddesk.dispatch.PlaceMatch;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.locationtech.jts.geom.Point;

/// Finds the district's communities and grids by what a person types: a name or part of it
/// (`金桥`, `金桥社区第3网格`), a code (`XSG-001`, `xsg-001-02`), the pinyin of a name or its initials
/// (`jinqiao`, `jqsq`), or a town's name with it (`咸水沽 金桥`). Best first, by [PlaceMatch]'s rank:
/// an exact code or name, then a code or name that starts with it, then one that contains it, then by
/// pinyin; communities before their grids. Built once per district (spelling the names takes a moment: off the FX
/// thread), then searched in well under a millisecond per place.
public final class PlaceSearch {
    public static final int DEFAULT_LIMIT = 12;

    private record Entry(NamedPlace place, String areaName) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, NamedPlace> byCode = new HashMap<>();
    private final GridIndex grids;

    public PlaceSearch(List<Region> regions) {
        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        this.grids = new GridIndex(regions.stream().filter(r -> r.level() == RegionLevel.GRID).toList());
        for (Region region : regions) {
            if (region.level() != RegionLevel.COMMUNITY && region.level() != RegionLevel.GRID) {
                continue;
            }
            List<String> within = new ArrayList<>();
            Region parent = byCode.get(region.parentCode());
            String area = "";
            while (parent != null) {
                within.addFirst(parent.name());
                if (parent.level() == RegionLevel.AREA) {
                    area = parent.name();
                }
                parent = byCode.get(parent.parentCode());
            }
            Point inside = (region.level() == RegionLevel.GRID ? region.mainPart() : region.shape()).getInteriorPoint();
            String grid = region.level() == RegionLevel.GRID ? region.code()
                    : grids.locate(inside.getX(), inside.getY()).map(Region::code).orElse(null);
            NamedPlace place = new NamedPlace(region.code(), region.name(), region.level(), String.join(" ", within), grid,
                    inside.getX(), inside.getY());
            entries.add(new Entry(place, area));
            this.byCode.put(region.code(), place);
        }
        entries.sort(Comparator.comparing((Entry e) -> e.place().level() == RegionLevel.GRID).thenComparing(e -> e.place().code()));
        // spelt here, off the FX thread, not at the first keystroke (about half a second the first time)
        Pinyin.spellAhead(entries.stream().flatMap(e -> Stream.of(e.place().name(), e.areaName())).distinct().toList());
    }

    /// The places `typed` finds, best first, at most `limit`; none for a blank text.
    public List<NamedPlace> search(String typed, int limit) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || limit <= 0) {
            return List.of();
        }
        // `咸水沽 金桥`: the last word is the place, the ones before name the town or community it lies in
        String[] words = text.split("\\s+");
        String query = words[words.length - 1];
        List<String> context = List.of(words).subList(0, words.length - 1);
        List<Map.Entry<Integer, Entry>> found = new ArrayList<>();
        for (Entry e : entries) {
            if (!context.stream().allMatch(w -> e.place().within().contains(w) || Pinyin.matches(e.areaName(), w))) {
                continue;
            }
            int rank = PlaceMatch.rank(e.place().code(), e.place().name(), query);
            if (rank >= 0) {
                found.add(Map.entry(rank, e));
            }
        }
        return found.stream().sorted(Map.Entry.comparingByKey()).limit(limit).map(m -> m.getValue().place()).toList();
    }

    /// The place of this code, if it is a community or grid of the district.
    public Optional<NamedPlace> of(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /// The grid under a point (a click on the map), as a place.
    public Optional<NamedPlace> gridAt(double lon, double lat) {
        return grids.locate(lon, lat).map(Region::code).map(byCode::get);
    }

    public int size() {
        return entries.size();
    }
}
