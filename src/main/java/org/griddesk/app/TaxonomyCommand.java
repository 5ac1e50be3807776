package org.griddesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.taxonomy.TaxonomyCsv;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.security.AuditAction;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/// `griddesk taxonomy …`: the taxonomy and responsibility catalogue.
@Command(name = "taxonomy", mixinStandardHelpOptions = true, subcommands = {TaxonomyCommand.Import.class})
final class TaxonomyCommand extends CommandGroup {

    /// `taxonomy import --team-types FILE --items FILE`: replaces the catalogue whole, or changes nothing.
    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @ParentCommand
        TaxonomyCommand taxonomy;

        @Option(names = "--team-types", required = true, paramLabel = "FILE", descriptionKey = "taxonomy.import.teamTypes")
        Path teamTypes;

        @Option(names = "--items", required = true, paramLabel = "FILE", descriptionKey = "taxonomy.import.items")
        Path items;

        @Override
        public Integer call() throws Exception {
            GridDeskCommand root = taxonomy.root;
            for (Path p : new Path[] {teamTypes, items}) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(root.messages().get("cli.district.notAFile", p));
                }
            }
            Taxonomy catalogue;
            try {
                catalogue = TaxonomyCsv.read(teamTypes, items);
            } catch (TaxonomyCsv.InvalidCatalogueException e) {
                taxonomy.err().println(root.messages().get("cli.taxonomy.invalid"));
                e.problems().forEach(p -> taxonomy.err().println("  - " + p));
                return 2;
            }
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                new DistrictRepository(db.dsl()).replaceTaxonomy(catalogue);
                ConsoleAudit.districtChanged(db, AuditAction.CONFIGURATION_CHANGED, DistrictChangeKind.TAXONOMY, "taxonomy",
                        "replaced: " + catalogue.items().size()
                        + " items, " + catalogue.teamTypes().size() + " team types");
            }
            root.out().println(root.messages().get("cli.taxonomy.imported", catalogue.categories().size(),
                    catalogue.subcategories().size(), catalogue.items().size(), catalogue.teamTypes().size()));
            return 0;
        }
    }
}
