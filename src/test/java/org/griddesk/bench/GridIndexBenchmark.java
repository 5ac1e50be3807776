package org.griddesk.bench;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.griddesk.geo.DemoDistrict;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// Point → grid over the 1574 demo grids: GridIndex (STR-tree + prepared geometry) against a naive
/// scan (point in every grid's ring) and a scan with JTS's bounding-box reject first. Sampled mode gives the p99 the issue asks for.
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GridIndexBenchmark {
    private static final int N = 4096;

    private List<Region> grids;
    private GridIndex index;
    private Coordinate[][] rings;
    private final GeometryFactory factory = new GeometryFactory();
    private final double[] lon = new double[N];
    private final double[] lat = new double[N];
    private int next;

    @Setup
    public void prepare() {
        DistrictMap map = new DemoDistrict(20211).generate();
        grids = map.grids();
        index = new GridIndex(grids);
        rings = grids.stream().map(g -> g.mainPart().getExteriorRing().getCoordinates()).toArray(Coordinate[][]::new);
        Envelope box = map.outline().getEnvelopeInternal();
        Random random = new Random(7);
        for (int i = 0; i < N; i++) { // points spread over the district's box: most inside, some outside
            lon[i] = box.getMinX() + random.nextDouble() * box.getWidth();
            lat[i] = box.getMinY() + random.nextDouble() * box.getHeight();
        }
    }

    @Benchmark
    public Optional<Region> gridIndex() {
        int i = next++ & (N - 1);
        return index.locate(lon[i], lat[i]);
    }

    /// The naive scan: a point-in-polygon test against every grid's ring, no boxes at all.
    @Benchmark
    public Region naiveScan() {
        int i = next++ & (N - 1);
        Coordinate c = new Coordinate(lon[i], lat[i]);
        Region found = null;
        for (int g = 0; g < grids.size(); g++) {
            if (RayCrossingCounter.locatePointInRing(c, rings[g])
                    != Location.EXTERIOR
                    && (found == null || grids.get(g).code().compareTo(found.code()) < 0)) {
                found = grids.get(g);
            }
        }
        return found;
    }

    /// A scan that lets JTS reject most grids by their bounding box first.
    @Benchmark
    public Region envelopeScan() {
        int i = next++ & (N - 1);
        Point p = factory.createPoint(new Coordinate(lon[i], lat[i]));
        Region found = null;
        for (Region g : grids) {
            if (g.shape().covers(p) && (found == null || g.code().compareTo(found.code()) < 0)) {
                found = g;
            }
        }
        return found;
    }
}
