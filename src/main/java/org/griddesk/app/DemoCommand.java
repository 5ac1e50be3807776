package org.griddesk.app;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.demo.DemoHistoryGenerator;
import org.griddesk.demo.DistrictAhead;
import org.griddesk.demo.LoadProgress;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/// `griddesk demo …`: the demo district.
@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = {DemoCommand.Generate.class})
final class DemoCommand extends CommandGroup {
    /// Days of demo history a command may ask for: none up to ten years.
    static void checkHistoryDays(String option, int days) {
        if (days < 0 || days > 3650) {
            throw new IllegalArgumentException(option + " must be 0 to 3650");
        }
    }


    /// `demo generate [--seed N]`: generates the demo district into a store that has none.
    @Command(name = "generate", mixinStandardHelpOptions = true)
    static final class Generate implements Callable<Integer> {
        @ParentCommand
        DemoCommand demo;

        @Option(names = "--seed", paramLabel = "N", descriptionKey = "demo.generate.seed")
        long seed = DemoDistrictGenerator.DEFAULT_SEED;

        @Option(names = "--history-days", paramLabel = "D", descriptionKey = "demo.generate.historyDays")
        int historyDays = DemoHistoryGenerator.DEFAULT_DAYS;

        @Override
        public Integer call() {
            GridDeskCommand root = demo.root;
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            long started = System.nanoTime();
            checkHistoryDays("--history-days", historyDays);
            DistrictAhead ahead = DistrictAhead.start(seed); // while the store opens and migrates
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                DataKeySetup.attach(db, boot.folder().root()); // an embedded store makes its key; without one nothing personal is written
                boolean made = DemoDistrictLoader.loadIfEmpty(db, ahead, historyDays, Instant.now(),
                        new ConsoleProgress(root, started));
                if (!made) {
                    demo.err().println(root.messages().get("cli.demo.exists"));
                    return 2;
                }
                DistrictRepository district = new DistrictRepository(db.dsl());
                root.out().println(root.messages().get("cli.demo.done", district.count(RegionLevel.AREA),
                        district.count(RegionLevel.COMMUNITY), district.count(RegionLevel.GRID), district.itemCount(),
                        district.cameraCount(), district.residents(), (System.nanoTime() - started) / 1_000_000_000.0, seed,
                        new TicketRepository(db.dsl()).count()));
            }
            return 0;
        }
    }

    /// Steps as lines with the time since the start, and the long step every tenth of the way.
    private static final class ConsoleProgress implements LoadProgress {
        private final GridDeskCommand root;
        private final long started;
        private int lastTenth = -1;

        ConsoleProgress(GridDeskCommand root, long started) {
            this.root = root;
            this.started = started;
        }

        @Override
        public void step(String key) {
            line(root.messages().get("cli.demo.step." + key));
        }

        @Override
        public void percent(int percent) {
            if (percent / 10 != lastTenth) {
                lastTenth = percent / 10;
                line(root.messages().get("cli.demo.percent", percent));
            }
        }

        private void line(String text) {
            root.out().printf("[%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, text);
            root.out().flush();
        }
    }
}
