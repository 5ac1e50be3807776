package org.griddesk.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.map.MapModel;
import org.griddesk.map.PatrolLayer;
import org.griddesk.map.PatrolRasterProbe;
import org.griddesk.map.Viewport;
import org.griddesk.patrol.BatchCheck;
import org.griddesk.patrol.PatrolCoverage;
import org.griddesk.patrol.PatrolLimits;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.patrol.DayPatrols;
import org.griddesk.store.patrol.PatrolIngest;
import org.griddesk.store.patrol.PatrolRepository;
import org.locationtech.jts.geom.Point;

/// The town with the most grids, a full working day of its workers' tracks (yesterday in Beijing,
/// 08:00–16:00, a point every 5 s: 5760 points a worker, stored through [PatrolIngest] in batches
/// of 120), drawn on the map as the desk does it, 1280×800 fitted to the town.
///
/// Each round times apart: the tracks read from the store, their coverage, and the drawing: from
/// the points in memory ([PatrolTrack]) to the map's raster with the tracks on it ([PatrolLayer]
/// built, then the raster of the patrol mode, the first at this zoom). Then, in the same round, the
/// raster again after a pan of 200 px (what the zoom's simplified lines save), the raster without
/// tracks, and the baseline: the same layer drawn the way the map did before, the raster without
/// tracks and the tracks stroked on it by Java2D ([PatrolRasterProbe#renderStroked]).
/// Goal: drawn in under 100 ms. The p99 of 30 rounds is the slowest of them.
final class TownTracksDraw {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int ROUNDS = 30;
    private static final int WARM_UP = 3;

    /// One round's times, in nanoseconds.
    private record Round(long read, long coverage, long layer, long raster, long panned, long bare, long stroked) {
    }

    /// Stores the day, draws it [#ROUNDS] times; the figures, named for the results file.
    static Map<String, Object> measure(Database db) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        List<Region> grids = district.regions(RegionLevel.GRID);
        Map<String, String> areaOfCommunity = district.regions(RegionLevel.COMMUNITY).stream()
                .collect(Collectors.toMap(Region::code, Region::parentCode));
        Map<String, List<Region>> gridsOfArea = grids.stream()
                .collect(Collectors.groupingBy(g -> areaOfCommunity.getOrDefault(g.parentCode(), "")));
        Region town = district.regions(RegionLevel.AREA).stream()
                .max(Comparator.comparingInt(a -> gridsOfArea.getOrDefault(a.code(), List.of()).size())).orElseThrow();
        List<Region> townGrids = gridsOfArea.get(town.code());
        Set<String> townCodes = townGrids.stream().map(Region::code).collect(Collectors.toSet());
        LocalDate day = Instant.now().atZone(PatrolIngest.DAY_ZONE).toLocalDate().minusDays(1);
        long stored = storeWorkingDay(db, grids, townGrids, day);

        MapModel bare = MapModel.of(district.districtMap().orElseThrow(), Map.of());
        PatrolCoverage coverage = new PatrolCoverage(grids);
        DayPatrols patrols = new DayPatrols(new PatrolRepository(db.dsl()));
        Viewport view = Viewport.fitting(town.shape().getEnvelopeInternal(), WIDTH, HEIGHT, 24);
        Viewport panned = view.pannedBy(200, 0);
        List<Round> rounds = new ArrayList<>();
        int points = 0;
        for (int i = -WARM_UP; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            List<PatrolTrack> tracks = patrols.tracks(day, townCodes);
            long tRead = System.nanoTime();
            Map<String, Double> shares = coverage.ofAll(tracks);
            long tCoverage = System.nanoTime();
            PatrolLayer layer = PatrolLayer.of(tracks, shares, day.toString());
            MapModel model = bare.withPatrols(layer);
            long tLayer = System.nanoTime();
            PatrolRasterProbe.render(model, view);
            long tRaster = System.nanoTime();
            PatrolRasterProbe.render(model, panned);
            long tPanned = System.nanoTime();
            PatrolRasterProbe.render(bare, view);
            long tBare = System.nanoTime();
            PatrolRasterProbe.renderStroked(model, view);
            long tStroked = System.nanoTime();
            if (i >= 0) {
                rounds.add(new Round(tRead - t0, tCoverage - tRead, tLayer - tCoverage, tRaster - tLayer, tPanned - tRaster,
                        tBare - tPanned, tStroked - tBare));
            }
            points = layer.points();
        }
        long[] drawn = times(rounds, r -> r.layer() + r.raster());
        long[] baseline = times(rounds, r -> r.layer() + r.stroked());
        long[] tracksAlone = times(rounds, r -> r.raster() - r.bare());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("town", town.name());
        fields.put("townGrids", townGrids.size());
        fields.put("townPoints", points);
        fields.put("townPointsStored", stored);
        fields.put("view", WIDTH + "x" + HEIGHT + " at zoom " + String.format(Locale.ROOT, "%.2f", view.zoom()));
        fields.put("readMedianMs", ms(BenchResults.median(times(rounds, Round::read))));
        fields.put("coverageMedianMs", ms(BenchResults.median(times(rounds, Round::coverage))));
        fields.put("layerMedianMs", ms(BenchResults.median(times(rounds, Round::layer))));
        fields.put("rasterMedianMs", ms(BenchResults.median(times(rounds, Round::raster))));
        fields.put("drawnMedianMs", ms(BenchResults.median(drawn)));
        fields.put("drawnP99Ms", ms(BenchResults.percentile(drawn, 99)));
        fields.put("drawnEachRoundMs", java.util.Arrays.stream(drawn).mapToObj(n -> Math.round(n / 1e5) / 10.0).toList());
        fields.put("tracksAloneMedianMs", ms(BenchResults.median(tracksAlone)));
        fields.put("pannedMedianMs", ms(BenchResults.median(times(rounds, Round::panned))));
        fields.put("bareRasterMedianMs", ms(BenchResults.median(times(rounds, Round::bare))));
        fields.put("baselineStrokedMedianMs", ms(BenchResults.median(baseline)));
        fields.put("baselineStrokedP99Ms", ms(BenchResults.percentile(baseline, 99)));
        fields.put("baselineOverDrawn", BenchResults.median(baseline) / BenchResults.median(drawn));
        return fields;
    }

    /// One line for the summary.
    static String summary(Map<String, Object> f) {
        return String.format(Locale.ROOT, "%s (%s grids, %s points, %s): read %.0f ms, coverage %.0f ms; drawn (layer %.1f + raster %.1f)"
                        + " %.1f ms median, p99 %.1f ms (goal < 100), the tracks' share %.1f ms; after a pan %.1f ms; the raster without"
                        + " tracks %.1f ms; baseline (Java2D stroke) %.1f ms median, p99 %.1f ms: x%.1f",
                f.get("town"), f.get("townGrids"), f.get("townPoints"), f.get("view"), f.get("readMedianMs"), f.get("coverageMedianMs"),
                f.get("layerMedianMs"), f.get("rasterMedianMs"), f.get("drawnMedianMs"), f.get("drawnP99Ms"),
                f.get("tracksAloneMedianMs"), f.get("pannedMedianMs"), f.get("bareRasterMedianMs"), f.get("baselineStrokedMedianMs"),
                f.get("baselineStrokedP99Ms"), f.get("baselineOverDrawn"));
    }

    /// A working day of patrols, 08:00 to 16:00 Beijing time on `day`, for each of the town's grids:
    /// a walk about the grid's inside point; how many points were stored.
    private static long storeWorkingDay(Database db, List<Region> grids, List<Region> townGrids, LocalDate day) {
        GridIndex index = new GridIndex(grids);
        PatrolIngest ingest = new PatrolIngest(db.dsl(), Clock.systemUTC(),
                new BatchCheck(PatrolLimits.DEFAULT, (lon, lat) -> index.locate(lon, lat).map(Region::code)));
        Random random = new Random(11);
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.ofHours(8));
        long stored = 0;
        for (Region grid : townGrids) {
            Point inside = grid.mainPart().getInteriorPoint();
            double lon = inside.getX();
            double lat = inside.getY();
            double heading = random.nextDouble() * 2 * Math.PI;
            List<PatrolPoint> batch = new ArrayList<>();
            for (int i = 0; i < 8 * 720; i++) {
                heading += random.nextGaussian() * 0.3;
                double dx = (lon - inside.getX()) * 86_500;
                double dy = (lat - inside.getY()) * 111_320;
                if (Math.hypot(dx, dy) > 200) {
                    heading = Math.atan2(-dy, -dx);
                }
                lon += Math.cos(heading) * 6 / 86_500;
                lat += Math.sin(heading) * 6 / 111_320;
                batch.add(new PatrolPoint(start.plusSeconds(5L * i), lon, lat, 8));
                if (batch.size() == 120) {
                    if (ingest.take("bench-day-" + grid.code(), "day-" + i, batch) instanceof PatrolIngest.Stored s) {
                        stored += s.points();
                    }
                    batch = new ArrayList<>();
                }
            }
        }
        return stored;
    }

    private static long[] times(List<Round> rounds, ToLongFunction<Round> part) {
        return rounds.stream().mapToLong(part).toArray();
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
