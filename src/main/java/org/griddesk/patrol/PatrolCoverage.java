package org.griddesk.patrol;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.griddesk.geo.Region;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;

/// A grid's patrol coverage for a day: the share of its cells a patrol passed through.
///
/// The district is cut into cells of about 100 m × 100 m (0.0009° of latitude by 0.00116° of
/// longitude, square at 39° N); a grid's cells are those whose centre lies in it (a grid too small
/// to hold a centre has the one cell of its interior point). A track passes through a cell when a
/// point lies in it or the straight line between two consecutive points (at most [#GAP] apart) crosses
/// it, sampled every 20 m. Cells rather than a buffered line's area: counting is exact, cheap for
/// 1574 grids, and an area share would reward walking the same street twice.
public final class PatrolCoverage {
    static final double CELL_LAT = 0.0009;
    static final double CELL_LON = 0.00116;
    /// points further apart in time are not joined (the phone was off, the worker was indoors)
    static final Duration GAP = Duration.ofMinutes(5);
    private static final double STEP_METRES = 20;
    private static final double METRES_PER_DEGREE = 111_320;

    private final Map<String, Region> grids = new HashMap<>();
    /// each grid's cells, sorted
    private final Map<String, long[]> cells = new ConcurrentHashMap<>();

    public PatrolCoverage(Collection<Region> grids) {
        grids.forEach(g -> this.grids.put(g.code(), g));
    }

    /// The share (0 to 1) of `gridCode`'s cells the tracks passed through; 0 for a grid it does not know.
    public double of(String gridCode, Collection<PatrolTrack> tracks) {
        long[] own = cellsOf(gridCode);
        if (own.length == 0) {
            return 0;
        }
        Cells passed = new Cells();
        tracks.forEach(t -> passedCells(t.track(), passed));
        long[] walked = passed.sorted();
        int hits = 0;
        for (int i = 0, j = 0; i < own.length && j < walked.length; ) {
            if (own[i] == walked[j]) {
                hits++;
                i++;
                j++;
            } else if (own[i] < walked[j]) {
                i++;
            } else {
                j++;
            }
        }
        return hits / (double) own.length;
    }

    /// The coverage of every grid with a track, from the tracks of a day (each counts for its grid).
    public Map<String, Double> ofAll(Collection<PatrolTrack> tracks) {
        Map<String, java.util.List<PatrolTrack>> byGrid = new HashMap<>();
        tracks.forEach(t -> byGrid.computeIfAbsent(t.gridCode(), g -> new java.util.ArrayList<>()).add(t));
        Map<String, Double> shares = new HashMap<>();
        byGrid.forEach((grid, own) -> shares.put(grid, of(grid, own)));
        return shares;
    }

    /// How many cells a grid has.
    public int cellCount(String gridCode) {
        return cellsOf(gridCode).length;
    }

    private long[] cellsOf(String gridCode) {
        Region grid = grids.get(gridCode);
        if (grid == null) {
            return new long[0];
        }
        return cells.computeIfAbsent(gridCode, code -> {
            Envelope box = grid.shape().getEnvelopeInternal();
            IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(grid.shape());
            Set<Long> own = new HashSet<>();
            for (long x = (long) Math.floor(box.getMinX() / CELL_LON); x <= (long) Math.floor(box.getMaxX() / CELL_LON); x++) {
                for (long y = (long) Math.floor(box.getMinY() / CELL_LAT); y <= (long) Math.floor(box.getMaxY() / CELL_LAT); y++) {
                    if (inside.locate(new Coordinate((x + 0.5) * CELL_LON, (y + 0.5) * CELL_LAT)) != Location.EXTERIOR) {
                        own.add(key(x, y));
                    }
                }
            }
            if (own.isEmpty()) {
                Point p = grid.mainPart().getInteriorPoint();
                own.add(cell(p.getX(), p.getY()));
            }
            return own.stream().mapToLong(Long::longValue).sorted().toArray();
        });
    }

    private static void passedCells(TrackPoints track, Cells passed) {
        long gap = GAP.toSeconds();
        for (int i = 0; i < track.size(); i++) {
            double lon = track.lon(i);
            double lat = track.lat(i);
            passed.add(cell(lon, lat));
            if (i > 0 && track.epochSecond(i) - track.epochSecond(i - 1) <= gap) {
                double lon0 = track.lon(i - 1);
                double lat0 = track.lat(i - 1);
                double dx = (lon - lon0) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
                double dy = (lat - lat0) * METRES_PER_DEGREE;
                int steps = (int) Math.min(500, Math.ceil(Math.hypot(dx, dy) / STEP_METRES));
                for (int s = 1; s < steps; s++) {
                    double f = s / (double) steps;
                    passed.add(cell(lon0 + f * (lon - lon0), lat0 + f * (lat - lat0)));
                }
            }
        }
    }

    /// The cells passed through, as numbers (no boxed number a point): sorted and each once when asked.
    private static final class Cells {
        private long[] keys = new long[1024];
        private int size;

        void add(long key) {
            if (size > 0 && keys[size - 1] == key) {
                return; // most points lie in the cell of the point before
            }
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }

        long[] sorted() {
            long[] all = java.util.Arrays.copyOf(keys, size);
            java.util.Arrays.sort(all);
            int distinct = 0;
            for (int i = 0; i < all.length; i++) {
                if (distinct == 0 || all[i] != all[distinct - 1]) {
                    all[distinct++] = all[i];
                }
            }
            return java.util.Arrays.copyOf(all, distinct);
        }
    }

    private static long cell(double lon, double lat) {
        return key((long) Math.floor(lon / CELL_LON), (long) Math.floor(lat / CELL_LAT));
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xFFFFFFFFL);
    }
}
