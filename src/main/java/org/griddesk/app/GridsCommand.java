package org.griddesk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.geo.BoundaryFile;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.GeoJsonExport;
import org.griddesk.geo.GeoJsonImport;
import org.griddesk.geo.GridDescent;
import org.griddesk.geo.MapProblems;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.AuditAction;
import org.griddesk.store.Database;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.mapversion.MapDiff;
import org.griddesk.store.mapversion.MapVersionWriter;
import org.griddesk.store.mapversion.OpenTicketPlacer;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk grids …`: the district's grids.
@Command(name = "grids", mixinStandardHelpOptions = true, subcommands = {GridsCommand.Locate.class, GridsCommand.Export.class, GridsCommand.Import.class})
final class GridsCommand extends CommandGroup {

    /// `grids locate LON LAT [--crs CRS]`: which grid a point lies in, and the chain above it. A point
    /// from AMap (GCJ-02) or Baidu (BD-09) is converted to WGS-84 first, and the WGS-84 point shown.
    ///
    /// Answered in about a second from the shell: the store's schema is only checked when it is
    /// current ([Database#migrateUnlessCurrent]), and only the few regions around the point are read
    /// ([GridDescent]), not every grid.
    @Command(name = "locate", mixinStandardHelpOptions = true)
    static final class Locate implements Callable<Integer> {
        @ParentCommand
        GridsCommand grids;

        @Parameters(index = "0", paramLabel = "LON", descriptionKey = "grids.locate.lon")
        double lon;

        @Parameters(index = "1", paramLabel = "LAT", descriptionKey = "grids.locate.lat")
        double lat;

        @Option(names = "--crs", paramLabel = "CRS", descriptionKey = "grids.locate.crs")
        String crs;

        @Override
        public Integer call() {
            GridDeskCommand root = grids.root;
            Messages m = root.messages();
            CoordinateSystem system = crs == null ? CoordinateSystem.WGS84 : CoordinateSystem.named(crs).orElse(null);
            if (system == null || system.metres()) {
                grids.err().println(m.get(system == null ? "cli.grids.unknownCrs" : "cli.grids.metresCrs", crs));
                return 2;
            }
            if (lon < 73 || lon > 136 || lat < 3 || lat > 54) {
                throw new IllegalArgumentException(lon + " " + lat + " is not a point in China (LON 73–136, LAT 3–54)");
            }
            double[] wgs = system.toWgs(lon, lat);
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrateUnlessCurrent();
                DistrictRepository district = new DistrictRepository(db.dsl());
                List<Region> areas = district.regions(RegionLevel.AREA);
                if (areas.isEmpty()) {
                    grids.err().println(m.get("cli.grids.noDistrict"));
                    return 2;
                }
                root.out().println(system == CoordinateSystem.WGS84 ? m.get("cli.grids.point", wgs[0], wgs[1])
                        : m.get("cli.grids.pointFrom", wgs[0], wgs[1], system.label(), lon, lat));
                var found = GridDescent.locate(wgs[0], wgs[1], areas, district::children, () -> district.regions(RegionLevel.GRID));
                if (found.isEmpty()) {
                    root.out().println(m.get("cli.grids.outside", wgs[0], wgs[1]));
                    return 1;
                }
                Region grid = found.get();
                Region community = district.region(grid.parentCode()).orElseThrow();
                Region area = areas.stream().filter(a -> a.code().equals(community.parentCode())).findFirst().orElseThrow();
                root.out().println(m.get("cli.grids.grid", grid.code(), grid.name()));
                root.out().println(m.get("cli.grids.community", community.code(), community.name()));
                root.out().println(m.get("cli.grids.area", area.code(), area.name()));
                district.gridWorker(grid.code()).ifPresent(w ->
                        root.out().println(m.get("cli.grids.worker", w.name(), w.maskedPhone())));
            }
            return 0;
        }
    }

    /// `grids export [--out FILE]`: every area, community and grid as GeoJSON (standard output by default).
    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @ParentCommand
        GridsCommand grids;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "grids.export.out")
        Path out;

        @Override
        public Integer call() throws IOException {
            GridDeskCommand root = grids.root;
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                DistrictRepository district = new DistrictRepository(db.dsl());
                if (!district.hasDistrict()) {
                    grids.err().println(root.messages().get("cli.grids.noDistrict"));
                    return 2;
                }
                var regions = GeoJsonExport.allRegions(district.regions(RegionLevel.AREA),
                        district.regions(RegionLevel.COMMUNITY), district.regions(RegionLevel.GRID));
                if (out == null) {
                    GeoJsonExport.write(regions, root.out());
                    root.out().println();
                } else {
                    try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        GeoJsonExport.write(regions, writer);
                    }
                    root.out().println(root.messages().get("cli.grids.exported", regions.size(), out.toAbsolutePath()));
                }
            }
            return 0;
        }
    }

    /// `grids import FILE.geojson`: a deployment's own towns, communities and grids, checked whole, into an
    /// empty store, with a centre for the district and one for each town; with `--replace`, a new
    /// version of the map into a live store ([MapVersionWriter]), its open tickets placed again
    /// ([OpenTicketPlacer]); running desks and gateways read it from the district's change record.
    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @ParentCommand
        GridsCommand grids;

        @Parameters(paramLabel = "FILE", descriptionKey = "grids.import.file")
        Path file;

        @Option(names = "--crs", paramLabel = "WGS-84|CGCS2000|GCJ-02|BD-09|EPSG:3857", descriptionKey = "grids.import.crs")
        String coordinateSystem;

        @Option(names = "--district", paramLabel = "NAME", descriptionKey = "grids.import.district")
        String districtName;

        @Option(names = "--code", paramLabel = "CODE", descriptionKey = "grids.import.code")
        String districtCode;

        @Option(names = "--replace", descriptionKey = "grids.import.replace")
        boolean replace;

        @Option(names = "--tolerance", paramLabel = "METRES", descriptionKey = "grids.import.tolerance")
        double tolerance = GeoJsonImport.DEFAULT_TOLERANCE_METRES;

        @Option(names = "--code-field", paramLabel = "NAME", descriptionKey = "grids.import.codeField")
        String codeField;

        @Option(names = "--name-field", paramLabel = "NAME", descriptionKey = "grids.import.nameField")
        String nameField;

        @Option(names = "--level-field", paramLabel = "NAME", descriptionKey = "grids.import.levelField")
        String levelField;

        @Option(names = "--parent-field", paramLabel = "NAME", descriptionKey = "grids.import.parentField")
        String parentField;

        @Override
        public Integer call() {
            GridDeskCommand root = grids.root;
            Messages m = root.messages();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(m.get("cli.district.notAFile", file));
            }
            if (districtCode != null && !districtCode.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException(districtCode + " is not a district code (letters, digits, '.', '-', '_'; e.g. 120112)");
            }
            GeoJsonImport.Result map;
            try {
                map = new GeoJsonImport(new BoundaryFile.Fields(codeField, nameField, levelField, parentField), tolerance)
                        .read(file, coordinateSystem);
            } catch (MapProblems.InvalidMapException e) {
                boolean chinese = m.language() == Language.ZH_CN;
                grids.err().println(m.get("cli.grids.invalid", file));
                e.problems().kept().forEach(p -> grids.err().println("  - " + p.in(chinese)));
                if (e.problems().count() > e.problems().kept().size()) {
                    grids.err().println(m.get("cli.grids.moreProblems", e.problems().count() - e.problems().kept().size(),
                            e.problems().count()));
                }
                return 2;
            } catch (IOException e) {
                grids.err().println(m.get("cli.grids.unreadable", file, e.getMessage()));
                return 2;
            }
            String name = districtName != null ? districtName : map.district() != null ? map.district().name() : "本区";
            String code = districtCode != null ? districtCode
                    : map.district() != null && map.district().code().matches("\\d{6}") ? map.district().code() : null;
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrateUnlessCurrent();
                DistrictRepository district = new DistrictRepository(db.dsl());
                if (district.hasDistrict()) {
                    if (!replace) {
                        grids.err().println(m.get("cli.grids.hasDistrict"));
                        return 2;
                    }
                    return replaceMap(db, map, m);
                }
                List<Unit> units = new ArrayList<>();
                units.add(new Unit("DISTRICT", name + "网格化管理中心", UnitLevel.DISTRICT, UnitKind.CENTRE, null));
                for (Region area : map.areas()) {
                    units.add(new Unit(area.code(), area.name() + "网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "DISTRICT"));
                }
                district.save(new DistrictMap(name, map.outline(), null, map.areas(), map.communities(), map.grids()),
                        Organisation.of(units), Map.of(), new Taxonomy(List.of(), List.of(), List.of(), List.of()),
                        List.of(), List.of(), List.of(), List.of());
                if (code != null) {
                    new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).put(SystemProperty.DISTRICT_CODE, code);
                }
                ConsoleAudit.record(db, AuditAction.ORGANISATION_CHANGED, name,
                        "grids imported from " + file + " (" + map.system().label() + "): " + map.grids().size() + " grids, "
                                + units.size() + " centres");
                if (map.convertedAlone() > 0) {
                    root.out().println(m.get("cli.grids.convertedAlone", map.convertedAlone()));
                }
                root.out().println(m.get("cli.grids.imported", map.areas().size(), map.communities().size(), map.grids().size(),
                        systemLabel(map)));
            }
            return 0;
        }

        private static String systemLabel(GeoJsonImport.Result map) {
            return map.system().label() + (map.system() == CoordinateSystem.WGS84 || map.system() == CoordinateSystem.CGCS2000
                    ? "" : " → WGS-84");
        }

        /// A new version of the map into the live store, then its open tickets placed again.
        private int replaceMap(Database db, GeoJsonImport.Result map, Messages m) {
            GridDeskCommand root = grids.root;
            String actor = ConsoleAudit.entry(AuditAction.ORGANISATION_CHANGED, "", "").actorName();
            MapVersionWriter.Outcome outcome;
            try {
                outcome = new MapVersionWriter(db.dsl(), Clock.systemUTC())
                        .replace(map.areas(), map.communities(), map.grids(), map.outline(), actor);
            } catch (MapVersionWriter.Refused e) {
                grids.err().println(m.get("cli.grids.levelChanged"));
                e.codes().stream().limit(MapProblems.KEPT).forEach(c -> grids.err().println("  - " + m.get("cli.grids.levelChange",
                        c.code(), m.get("cli.grids.level." + c.before()), m.get("cli.grids.level." + c.after()))));
                return 2;
            }
            if (outcome.changeSeq() == 0) {
                root.out().println(m.get("cli.grids.unchanged"));
                return 0;
            }
            MapDiff diff = outcome.diff();
            ConsoleAudit.record(db, AuditAction.ORGANISATION_CHANGED, "map",
                    "grids replaced from " + file + " (" + map.system().label() + "): change " + outcome.changeSeq() + ", "
                            + diff.added().size() + " added, " + diff.reshaped().size() + " reshaped, " + diff.retired().size()
                            + " retired");
            root.out().println(m.get("cli.grids.replaced", outcome.changeSeq(), diff.added().size(), diff.reshaped().size(),
                    diff.renamed().size(), diff.retired().size(), diff.otherTown().size()));
            if (!outcome.newCentres().isEmpty()) {
                root.out().println(m.get("cli.grids.newCentres", String.join("、", outcome.newCentres())));
            }
            if (outcome.camerasMoved() + outcome.camerasOutside() > 0) {
                root.out().println(m.get("cli.grids.camerasMoved", outcome.camerasMoved(), outcome.camerasOutside()));
            }
            if (!outcome.workersOnRetired().isEmpty()) {
                root.out().println(m.get("cli.grids.workersOnRetired", String.join("、", outcome.workersOnRetired())));
            }
            if (outcome.householdsOnRetired() > 0) {
                root.out().println(m.get("cli.grids.householdsOnRetired", outcome.householdsOnRetired()));
            }
            OpenTicketPlacer.Placed placed = new OpenTicketPlacer(db.dsl(), Clock.systemUTC())
                    .afterNewMap(diff.moved(), outcome.changeSeq());
            root.out().println(m.get("cli.grids.ticketsPlaced", placed.moved(), placed.asked()));
            return 0;
        }
    }
}
