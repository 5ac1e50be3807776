package org.griddesk.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.index.strtree.STRtree;

/// The demo district's export passes a GIS topology check: no grid's vertex lies on a neighbour's
/// edge (within a centimetre) without being a vertex of that edge too.
class GeoJsonExportTest {
    @TempDir
    Path dir;

    @Test
    void theDemoDistrictsGridsShareEveryVertexTheyMeetAt() throws IOException {
        DistrictMap map = new DemoDistrict(20211).generate();
        List<Region> grids = map.grids();
        int stored = tJunctions(grids.stream().map(Region::shape).toList());
        System.out.println("vertices on a neighbour's edge but not its vertex, as stored: " + stored);
        assertThat(stored).as("as stored").isGreaterThan(0);

        StringWriter out = new StringWriter();
        GeoJsonExport.write(grids, out);
        Path file = dir.resolve("grids.geojson");
        Files.writeString(file, out.toString());
        List<Geometry> exported = BoundaryFile.read(file, null, BoundaryFile.Fields.USUAL).features().stream()
                .map(BoundaryFile.Feature::shape).toList();
        assertThat(exported).hasSize(grids.size());
        assertThat(tJunctions(exported)).as("as exported").isZero();
        for (int i = 0; i < grids.size(); i++) {
            assertThat(exported.get(i).getArea()).as("within a few square metres").isCloseTo(grids.get(i).shape().getArea(), org.assertj.core.data.Offset.offset(3e-10));
        }
    }

    /// How many vertices lie within a centimetre of another shape's edge without being on it exactly
    /// as a vertex: the gaps a GIS's topology check flags.
    private static int tJunctions(List<Geometry> shapes) {
        STRtree edges = new STRtree();
        for (int s = 0; s < shapes.size(); s++) {
            Coordinate[] c = shapes.get(s).getCoordinates();
            for (int i = 0; i + 1 < c.length; i++) {
                edges.insert(new org.locationtech.jts.geom.Envelope(c[i], c[i + 1]), new Edge(s, new LineSegment(c[i], c[i + 1])));
            }
        }
        double centimetre = 1e-7; // degrees, about a centimetre
        int found = 0;
        for (int s = 0; s < shapes.size(); s++) {
            for (Coordinate v : shapes.get(s).getCoordinates()) {
                org.locationtech.jts.geom.Envelope around = new org.locationtech.jts.geom.Envelope(v);
                around.expandBy(centimetre);
                @SuppressWarnings("unchecked")
                List<Edge> near = new ArrayList<>(edges.query(around));
                for (Edge e : near) {
                    if (e.shape() != s && !v.equals2D(e.segment().p0) && !v.equals2D(e.segment().p1)
                            && e.segment().distance(v) < centimetre) {
                        found++;
                    }
                }
            }
        }
        return found;
    }

    private record Edge(int shape, LineSegment segment) {
    }
}
