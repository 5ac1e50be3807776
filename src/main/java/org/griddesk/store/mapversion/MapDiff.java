package org.griddesk.store.mapversion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/// What a new version of the map changes against the stored one, by code: regions added (or
/// brought back after a retirement), reshaped (another outline or another parent), renamed,
/// retired (gone from the new version), grids now in another town (their community moved), and
/// codes that would change level — refused, since a code's history (a grid's tickets) would roll
/// up wrongly.
///
/// @param stored every stored region's level by code, retired ones included
public record MapDiff(Set<String> added, Set<String> reshaped, Set<String> renamed, Set<String> retired,
                      Set<String> otherTown, List<LevelChange> levelChanged) {
    /// A stored code the new version gives another level: refused (its history counts at the old level).
    public record LevelChange(String code, RegionLevel before, RegionLevel after) {
        @Override
        public String toString() {
            return code + ": " + before + " → " + after;
        }
    }

    /// two outlines are the same when neither strays from the other by more than this many degrees
    /// (about 10 cm): an export that put shared vertices into its neighbours' edges, or rounding to
    /// 6 decimals, is the same outline
    private static final double SAME_OUTLINE_DEGREES = 1e-6;

    public MapDiff {
        added = Set.copyOf(added);
        reshaped = Set.copyOf(reshaped);
        renamed = Set.copyOf(renamed);
        retired = Set.copyOf(retired);
        otherTown = Set.copyOf(otherTown);
        levelChanged = List.copyOf(levelChanged);
    }

    /// `current`: the stored regions still in use; `storedLevels`: every stored code's level, retired included.
    public static MapDiff of(List<Region> current, Map<String, RegionLevel> storedLevels, List<Region> next) {
        Map<String, Region> now = new HashMap<>();
        current.forEach(r -> now.put(r.code(), r));
        Set<String> added = new LinkedHashSet<>();
        Set<String> reshaped = new LinkedHashSet<>();
        Set<String> renamed = new LinkedHashSet<>();
        List<LevelChange> levelChanged = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (Region r : next) {
            RegionLevel before = storedLevels.get(r.code());
            if (before != null && before != r.level()) {
                levelChanged.add(new LevelChange(r.code(), before, r.level()));
                continue;
            }
            Region old = now.get(r.code());
            if (old == null) {
                added.add(r.code());
                continue;
            }
            kept.add(r.code());
            if (!Objects.equals(old.parentCode(), r.parentCode()) || !sameShape(old.shape(), r.shape())) {
                reshaped.add(r.code());
            }
            if (!old.name().equals(r.name())) {
                renamed.add(r.code());
            }
        }
        Set<String> retired = new LinkedHashSet<>();
        for (Region r : current) {
            if (!kept.contains(r.code()) && !added.contains(r.code())) {
                retired.add(r.code());
            }
        }
        Map<String, String> townBefore = towns(current);
        Map<String, String> townAfter = towns(next);
        Set<String> otherTown = new LinkedHashSet<>();
        townAfter.forEach((grid, town) -> {
            String was = townBefore.get(grid);
            if (was != null && !was.equals(town)) {
                otherTown.add(grid);
            }
        });
        return new MapDiff(added, reshaped, renamed, retired, otherTown, levelChanged);
    }

    /// grid code → the code of its town (grid → community → area)
    private static Map<String, String> towns(List<Region> regions) {
        Map<String, String> parents = new HashMap<>();
        regions.forEach(r -> parents.put(r.code(), r.parentCode()));
        Map<String, String> towns = new HashMap<>();
        for (Region r : regions) {
            if (r.level() == RegionLevel.GRID && r.parentCode() != null && parents.get(r.parentCode()) != null) {
                towns.put(r.code(), parents.get(r.parentCode()));
            }
        }
        return towns;
    }

    /// Whether the new version changes anything at all.
    public boolean isEmpty() {
        return added.isEmpty() && reshaped.isEmpty() && renamed.isEmpty() && retired.isEmpty();
    }

    /// The grids whose tickets may lie elsewhere now, or belong to another town: retired, reshaped
    /// or moved to another town.
    public Set<String> moved() {
        Set<String> moved = new HashSet<>(retired);
        moved.addAll(reshaped);
        moved.addAll(otherTown);
        return moved;
    }

    private static boolean sameShape(Geometry a, Geometry b) {
        if (a.getNumPoints() == b.getNumPoints() && a.norm().equalsExact(b.norm(), SAME_OUTLINE_DEGREES)) {
            return true;
        }
        var ea = a.getEnvelopeInternal();
        var eb = b.getEnvelopeInternal();
        if (Math.abs(ea.getMinX() - eb.getMinX()) > SAME_OUTLINE_DEGREES || Math.abs(ea.getMaxX() - eb.getMaxX()) > SAME_OUTLINE_DEGREES
                || Math.abs(ea.getMinY() - eb.getMinY()) > SAME_OUTLINE_DEGREES
                || Math.abs(ea.getMaxY() - eb.getMaxY()) > SAME_OUTLINE_DEGREES) {
            return false;
        }
        // vertices put into an edge (or rounded off it) are dropped, then the outlines compared vertex by vertex
        return plain(a).equalsExact(plain(b), SAME_OUTLINE_DEGREES);
    }

    private static Geometry plain(Geometry g) {
        return DouglasPeuckerSimplifier.simplify(g, SAME_OUTLINE_DEGREES / 10).norm();
    }
}
