package org.griddesk.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.geo.BoundaryCheck.Checked;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/// Reads a district's own towns, communities and grids from a GeoJSON file as GIS tools and DataV
/// give them ([BoundaryFile]), checks them as one tiling in the file's own coordinates with a
/// tolerance in metres ([BoundaryCheck]), and only then converts them to WGS-84 (GCJ-02, BD-09,
/// EPSG:3857), vertex by vertex
/// with the vertices neighbours share put into both ([SharedVertices]), so the stored grids meet
/// exactly as the file's did. Refused whole, with every problem, or taken whole.
public final class GeoJsonImport {
    /// Default tolerance: rounding to six decimals moves a point by up to 8 cm; a GIS's slivers are
    /// a few centimetres wide.
    public static final double DEFAULT_TOLERANCE_METRES = 0.5;
    /// How far off an edge a vertex is put into it before conversion: rounding to six decimals moves a
    /// vertex by at most 8 cm; a wider tolerance for the checks does not bend edges further.
    static final double SNAP_METRES = 0.1;

    /// What a file holds when it passes every check, in WGS-84.
    ///
    /// @param district the district feature (its code, name and outline) when the file has one, else null
    /// @param convertedAlone how many shapes were converted without their neighbours' vertices
    ///                       (where putting them in would have made the shape invalid)
    public record Result(List<Region> areas, List<Region> communities, List<Region> grids, District district,
                         CoordinateSystem system, int convertedAlone) {
        /// The district's outline: its own feature, or the union of its towns.
        public Geometry outline() {
            return district != null ? district.shape() : UnaryUnionOp.union(areas.stream().map(Region::shape).toList());
        }
    }

    /// The district feature of a file: its code, name and outline (WGS-84).
    public record District(String code, String name, Geometry shape) {
    }

    private final BoundaryFile.Fields fields;
    private final double toleranceMetres;

    public GeoJsonImport() {
        this(BoundaryFile.Fields.USUAL, DEFAULT_TOLERANCE_METRES);
    }

    public GeoJsonImport(BoundaryFile.Fields fields, double toleranceMetres) {
        if (!(toleranceMetres >= 0 && toleranceMetres <= 50)) {
            throw new IllegalArgumentException("the tolerance is between 0 and 50 metres, not " + toleranceMetres);
        }
        this.fields = fields;
        this.toleranceMetres = toleranceMetres;
    }

    /// Reads and checks; `declaredSystem` (a `--crs`) overrides the file's. Throws
    /// [MapProblems.InvalidMapException] listing the problems found.
    public Result read(Path file, String declaredSystem) throws IOException {
        BoundaryFile.Read read = BoundaryFile.read(file, declaredSystem, fields);
        List<Checked> checked = BoundaryCheck.check(read, toleranceMetres);
        List<Geometry> shapes = checked.stream().map(Checked::shape).toList();
        CoordinateSystem system = read.system();
        int alone = 0;
        if (system != CoordinateSystem.WGS84 && system != CoordinateSystem.CGCS2000) {
            List<Geometry> asWritten = shapes;
            List<Geometry> noded = SharedVertices.node(shapes, Math.min(toleranceMetres, SNAP_METRES), system);
            shapes = new ArrayList<>(noded.size());
            for (int i = 0; i < noded.size(); i++) {
                Geometry converted = toWgs(noded.get(i), system);
                if (!new IsValidOp(converted).isValid()) {
                    // a vertex put into an edge crossed another in a tangle of centimetre edges: the
                    // shape is converted as written, valid, without its neighbours' vertices (counted)
                    converted = toWgs(asWritten.get(i), system);
                    alone++;
                }
                shapes.add(converted);
            }
        }
        MapProblems problems = new MapProblems();
        List<Region> areas = new ArrayList<>();
        List<Region> communities = new ArrayList<>();
        List<Region> grids = new ArrayList<>();
        District district = null;
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            Geometry shape = shapes.get(i);
            TopologyValidationError error = new IsValidOp(shape).getValidationError();
            if (error != null) {
                problems.add(c.feature().code() + "：转换为 WGS-84 后无效（" + error.getMessage() + "）",
                        c.feature().code() + ": invalid once converted to WGS-84 (" + error.getMessage() + ")");
                continue;
            }
            BoundaryFile.Feature f = c.feature();
            switch (c.tier()) {
                case DISTRICT -> district = new District(f.code(), f.name(), shape);
                case AREA -> areas.add(new Region(f.code(), f.name(), RegionLevel.AREA, null, shape, 1.0));
                case COMMUNITY -> communities.add(new Region(f.code(), f.name(), RegionLevel.COMMUNITY, c.parent(), shape, 1.0));
                case GRID -> grids.add(new Region(f.code(), f.name(), RegionLevel.GRID, c.parent(), shape, 1.0));
            }
        }
        if (!problems.isEmpty()) {
            throw new MapProblems.InvalidMapException(problems);
        }
        return new Result(areas, communities, grids, district, system, alone);
    }

    private static Geometry toWgs(Geometry shape, CoordinateSystem system) {
        return ((PointMap) (x, y) -> {
            double[] wgs = system.toWgs(x, y);
            return new Coordinate(wgs[0], wgs[1]);
        }).applyTo(shape);
    }
}
