package org.griddesk.app;

import java.util.concurrent.Callable;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk grids …`: the district's grids.
@Command(name = "grids", mixinStandardHelpOptions = true, subcommands = {GridsCommand.Locate.class, GridsCommand.Export.class})
final class GridsCommand extends CommandGroup {

    /// `grids locate LON LAT`: which grid a point lies in, and the chain above it.
    @Command(name = "locate", mixinStandardHelpOptions = true)
    static final class Locate implements Callable<Integer> {
        @ParentCommand
        GridsCommand grids;

        @Parameters(index = "0", paramLabel = "LON", descriptionKey = "grids.locate.lon")
        double lon;

        @Parameters(index = "1", paramLabel = "LAT", descriptionKey = "grids.locate.lat")
        double lat;

        @Override
        public Integer call() {
            GridDeskCommand root = grids.root;
            Messages m = root.messages();
            if (lon < 73 || lon > 136 || lat < 3 || lat > 54) {
                throw new IllegalArgumentException(lon + " " + lat + " is not a point in China (LON 73–136, LAT 3–54)");
            }
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                DistrictRepository district = new DistrictRepository(db.dsl());
                if (!district.hasDistrict()) {
                    grids.err().println(m.get("cli.grids.noDistrict"));
                    return 2;
                }
                var found = new GridIndex(district.regions(RegionLevel.GRID)).locate(lon, lat);
                if (found.isEmpty()) {
                    root.out().println(m.get("cli.grids.outside", lon, lat));
                    return 1;
                }
                Region grid = found.get();
                Region community = district.region(grid.parentCode()).orElseThrow();
                Region area = district.region(community.parentCode()).orElseThrow();
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

        @picocli.CommandLine.Option(names = "--out", paramLabel = "FILE", descriptionKey = "grids.export.out")
        java.nio.file.Path out;

        @Override
        public Integer call() throws java.io.IOException {
            GridDeskCommand root = grids.root;
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                DistrictRepository district = new DistrictRepository(db.dsl());
                if (!district.hasDistrict()) {
                    grids.err().println(root.messages().get("cli.grids.noDistrict"));
                    return 2;
                }
                var regions = org.griddesk.geo.GeoJsonExport.allRegions(district.regions(RegionLevel.AREA),
                        district.regions(RegionLevel.COMMUNITY), district.regions(RegionLevel.GRID));
                if (out == null) {
                    org.griddesk.geo.GeoJsonExport.write(regions, root.out());
                    root.out().println();
                } else {
                    try (var writer = java.nio.file.Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
                        org.griddesk.geo.GeoJsonExport.write(regions, writer);
                    }
                    root.out().println(root.messages().get("cli.grids.exported", regions.size(), out.toAbsolutePath()));
                }
            }
            return 0;
        }
    }
}
