package org.griddesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.onboard.DistrictExport;
import org.griddesk.onboard.DistrictImport;
import org.griddesk.onboard.TeamCoverage;
import org.griddesk.onboard.Problem;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.security.AuditAction;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/// `griddesk district …`: the district's organisation, grid workers, cameras and must-visit
/// households, from and to the files its offices keep (docs/onboarding.md).
@Command(name = "district", mixinStandardHelpOptions = true, subcommands = {DistrictCommand.Import.class, DistrictCommand.Export.class})
final class DistrictCommand extends CommandGroup {
    /// How many problems a refusal lists; the rest are counted.
    static final int SHOWN_PROBLEMS = 50;

    /// `district import [--units F] [--workers F] [--cameras F] [--households F]`: all files checked, then written together.
    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @ParentCommand
        DistrictCommand district;

        @Option(names = "--units", paramLabel = "FILE", descriptionKey = "district.import.units")
        Path units;

        @Option(names = "--workers", paramLabel = "FILE", descriptionKey = "district.import.workers")
        Path workers;

        @Option(names = "--cameras", paramLabel = "FILE", descriptionKey = "district.import.cameras")
        Path cameras;

        @Option(names = "--households", paramLabel = "FILE", descriptionKey = "district.import.households")
        Path households;

        @Option(names = "--crs", paramLabel = "WGS-84|CGCS2000|GCJ-02|BD-09", descriptionKey = "district.import.crs")
        String pointsIn = "WGS-84";

        @Override
        public Integer call() {
            GridDeskCommand root = district.root;
            Messages m = root.messages();
            List<Path> given = Stream.of(units, workers, cameras, households).filter(p -> p != null).toList();
            if (given.isEmpty()) {
                throw new IllegalArgumentException(m.get("cli.district.noFiles"));
            }
            for (Path p : given) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(m.get("cli.district.notAFile", p));
                }
            }
            CoordinateSystem system = CoordinateSystem.named(pointsIn).filter(s -> !s.metres())
                    .orElseThrow(() -> new IllegalArgumentException(m.get("cli.district.crs", pointsIn)));
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                String unready = unready(db, boot, households != null);
                if (unready != null) {
                    district.err().println(m.get(unready));
                    return 2;
                }
                DistrictRepository map = new DistrictRepository(db.dsl());
                DistrictImport.Checked done;
                try {
                    done = new DistrictImport(map, new BaseDataRepository(db.dsl()))
                            .run(new DistrictImport.Files(units, workers, cameras, households), system);
                } catch (DistrictImport.InvalidFilesException e) {
                    refuse(district, m, e.problems());
                    return 2;
                }
                ConsoleAudit.districtChanged(db, AuditAction.ORGANISATION_CHANGED, DistrictChangeKind.ORGANISATION, "district",
                        "imported from " + given + ": "
                        + done.units().size() + " units, " + done.workers().size() + " grid workers, " + done.cameras().size()
                        + " cameras, " + done.households().size() + " must-visit households");
                root.out().println(m.get("cli.district.imported", done.units().size(), done.workers().size(), done.cameras().size(),
                        done.households().size()));
                warnOfGaps(root, m, map);
            }
            return 0;
        }

        /// Centres with no team of a type the catalogue sends tickets to: those tickets wait there.
        private static void warnOfGaps(GridDeskCommand root, Messages m, DistrictRepository map) {
            var taxonomy = map.taxonomy();
            for (TeamCoverage.Gap gap : TeamCoverage.gaps(map.organisation(), map.teams(), taxonomy)) {
                root.out().println(m.get("cli.district.teamGap", gap.centre().name(), String.join("、", gap.missingTypes().stream()
                        .map(code -> taxonomy.teamType(code).map(t -> code + "（" + t.name() + "）").orElse(code)).toList())));
            }
        }

        private static void refuse(DistrictCommand district, Messages m, List<Problem> problems) {
            boolean chinese = m.language() == Language.ZH_CN;
            district.err().println(m.get("cli.district.invalid", problems.size()));
            problems.stream().limit(SHOWN_PROBLEMS).forEach(p -> district.err().println("  - " + p.text(chinese)));
            if (problems.size() > SHOWN_PROBLEMS) {
                district.err().println(m.get("cli.district.more", problems.size() - SHOWN_PROBLEMS));
            }
        }
    }

    /// `district export --dir D`: the four files in the templates' form (UTF-8 CSV with a BOM, as Excel opens it).
    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @ParentCommand
        DistrictCommand district;

        @Option(names = "--dir", required = true, paramLabel = "DIR", descriptionKey = "district.export.dir")
        Path dir;

        @Option(names = "--with-households", descriptionKey = "district.export.households")
        boolean withHouseholds;

        @Override
        public Integer call() throws Exception {
            GridDeskCommand root = district.root;
            Messages m = root.messages();
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                String unready = unready(db, boot, withHouseholds);
                if (unready != null) {
                    district.err().println(m.get(unready));
                    return 2;
                }
                DistrictRepository map = new DistrictRepository(db.dsl());
                Files.createDirectories(dir);
                List<Path> written = new DistrictExport(map, new BaseDataRepository(db.dsl())).write(dir, withHouseholds);
                ConsoleAudit.record(db, AuditAction.EXPORTED, "district", "exported to " + dir.toAbsolutePath() + ": " + written
                        + (withHouseholds ? " (with the must-visit households' personal data)" : ""));
                root.out().println(m.get("cli.district.exported", written.size(), dir.toAbsolutePath()));
            }
            return 0;
        }
    }

    /// Why the store cannot take an import or export: no district yet, or the households' personal
    /// data asked for on a desk without a data key; null when it can.
    private static String unready(Database db, Bootstrap boot, boolean personalData) {
        if (!new DistrictRepository(db.dsl()).hasDistrict()) {
            return "cli.grids.noDistrict";
        }
        if (personalData && !DataKeySetup.attach(db, boot.folder().root()).hasKey()) {
            return "cli.district.noKey";
        }
        return null;
    }
}
