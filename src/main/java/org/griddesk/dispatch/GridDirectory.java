package org.griddesk.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.geo.GridCentres;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;

/// The district's grids as a person looks one up to place a ticket on (定位): by code
/// (`XSG-003-02`, or its start), by name, community or town (`金桥社区第2网格`, `金桥 2`, `jq 2`, pinyin
/// as the desk's other pickers), each with the centre it belongs to ([GridCentres]). The place
/// form, the command bar and the map's drop all use this one search.
public final class GridDirectory {
    /// One grid: its code and name, the community and town (area) it lies in, and its centre.
    public record Grid(String code, String name, String community, String area, String centreId) {
        /// `咸水沽镇 · 金桥社区第2网格 (XSG-003-02)`
        public String label() {
            return (area.isEmpty() ? "" : area + " · ") + name + " (" + code + ")";
        }
    }

    public static final GridDirectory EMPTY = new GridDirectory(List.of());

    private final List<Grid> grids;
    private final Map<String, Grid> byCode = new HashMap<>();

    public GridDirectory(List<Grid> grids) {
        this.grids = grids.stream().sorted(Comparator.comparing(Grid::code)).toList();
        this.grids.forEach(g -> byCode.put(g.code().toLowerCase(Locale.ROOT), g));
    }

    /// The grids of a district's regions, each with its town's centre, else the district centre's.
    public static GridDirectory of(List<Region> regions, Organisation organisation) {
        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(r -> byCode.putIfAbsent(r.code(), r));
        Map<String, Unit> centres = GridCentres.of(regions, organisation);
        String district = organisation.units().stream().filter(u -> u.kind() == UnitKind.CENTRE && u.level() == UnitLevel.DISTRICT)
                .map(Unit::id).findFirst().orElse(null);
        List<Grid> out = new ArrayList<>();
        for (Region r : regions) {
            if (r.level() == RegionLevel.GRID) {
                Region community = byCode.get(r.parentCode());
                Region area = community == null ? null : byCode.get(community.parentCode());
                Unit centre = centres.get(r.code());
                out.add(new Grid(r.code(), r.name(), community == null ? "" : community.name(), area == null ? "" : area.name(),
                        centre != null ? centre.id() : district));
            }
        }
        return new GridDirectory(out);
    }

    /// Every grid, in code order.
    public List<Grid> all() {
        return grids;
    }

    /// The grid of this code (any case).
    public Optional<Grid> grid(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toLowerCase(Locale.ROOT)));
    }

    /// Up to `limit` grids that every word typed finds, best first: the exact code, codes that start
    /// with what was typed, then by how well the words find the name ([PlaceMatch]), then in code order.
    /// A number alone finds the grid of that number (`第3网格`, not `第13网格`) or a part of the code
    /// (`003`). Nothing typed finds nothing.
    public List<Grid> find(String typed, int limit) {
        String text = typed == null ? "" : typed.replace('\u3000', ' ').strip();
        if (text.isEmpty() || limit <= 0) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String[] words = lower.split("\\s+");
        record Ranked(int rank, Grid grid) {
        }
        List<Ranked> found = new ArrayList<>();
        for (Grid g : grids) { // every grid is ranked before any is dropped: the best is never cut off
            int rank = rank(g, text, lower, words);
            if (rank >= 0) {
                found.add(new Ranked(rank, g));
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Ranked::rank).thenComparing(r -> r.grid().code()))
                .limit(limit).map(Ranked::grid).toList();
    }

    /// The grid a typed word or words mean: an exact code, else the first found.
    public Optional<Grid> best(String typed) {
        return find(typed, 1).stream().findFirst();
    }

    /// 0 the exact code; 1 a code that starts with what was typed; else 2 plus the weakest word's
    /// [PlaceMatch] rank (a number matching the grid's number counts as exact); -1 not found.
    private static int rank(Grid g, String text, String lower, String[] words) {
        if (g.code().equalsIgnoreCase(text)) {
            return 0;
        }
        if (!matchesAll(g, words)) {
            return -1;
        }
        if (g.code().toLowerCase(Locale.ROOT).startsWith(lower)) {
            return 1;
        }
        int weakest = 0;
        for (String w : words) {
            int r = w.chars().allMatch(Character::isDigit) ? 0 : PlaceMatch.rank(g.code(), g.name(), w);
            weakest = Math.max(weakest, r == PlaceMatch.NONE ? 4 : r);
        }
        return 2 + weakest;
    }

    /// Every word finds the grid: a number its number or a code part, other words its code or name
    /// ([PlaceMatch]), or its town's or community's name.
    private static boolean matchesAll(Grid g, String[] words) {
        for (String w : words) {
            boolean found = w.chars().allMatch(Character::isDigit) ? PlaceMatch.gridNumber(g.code(), g.name(), w)
                    : PlaceMatch.rank(g.code(), g.name(), w) != PlaceMatch.NONE || g.area().contains(w)
                    || PlaceMatch.byName(g.area(), w) != PlaceMatch.NONE || PlaceMatch.byName(g.area() + g.name(), w) != PlaceMatch.NONE;
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
