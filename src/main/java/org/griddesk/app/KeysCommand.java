package org.griddesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Callable;
import org.griddesk.security.AuditAction;
import org.griddesk.security.DataKey;
import org.griddesk.security.DataKeyFile;
import org.griddesk.security.DataKeyRing;
import org.griddesk.security.RevealRefused;
import org.griddesk.store.DataKeyRotation;
import org.griddesk.store.Database;
import org.griddesk.store.PersonalDataSweep;
import org.griddesk.store.ThreadGuard;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/// `griddesk keys init|status|rotate`: the data key that seals personal data at rest
/// (docs/security-keys.md). The key never leaves the key file: status shows ids and counts only.
@Command(name = "keys", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Init.class, KeysCommand.Status.class, KeysCommand.Rotate.class})
final class KeysCommand extends CommandGroup {
    static final String BUNDLE = RevealRefused.BUNDLE;
    /// the exit code of a refusal (a key file there already, none to rotate)
    static final int REFUSED = 2;

    Messages texts() {
        return Messages.of(root.messages().language(), BUNDLE);
    }

    DataKeyFile file(Bootstrap boot) {
        return DataKeyFile.in(boot.folder().root());
    }

    Database openStore(Bootstrap boot) {
        Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE);
        db.migrate();
        return db;
    }

    /// `keys init`: a new key file; refuses to replace one.
    @Command(name = "init", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Override
        public Integer call() throws IOException {
            Bootstrap boot = keys.root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            DataKeyFile file = keys.file(boot);
            if (file.exists()) {
                keys.err().println(keys.texts().get("keys.init.exists", file.path()));
                return REFUSED;
            }
            DataKeyRing ring = file.create(DataKeyRing.of(DataKey.generate(new SecureRandom(), null)));
            keys.root.out().println(keys.texts().get("keys.init.done", file.path(), ring.current().id()));
            return 0;
        }
    }

    /// `keys status`: the key ids, the current one marked, and how many rows each seals.
    @Command(name = "status", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Override
        public Integer call() throws IOException {
            Bootstrap boot = keys.root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            DataKeyFile file = keys.file(boot);
            PrintWriter out = keys.root.out();
            if (!file.exists()) {
                out.println(keys.texts().get("keys.status.none", file.path()));
                return REFUSED;
            }
            DataKeyRing ring = file.read();
            Map<String, Integer> rows;
            try (Database db = keys.openStore(boot)) {
                rows = PersonalDataSweep.rowsPerKey(db.dsl());
            }
            out.println(keys.texts().get("keys.status.file", file.path()));
            for (String id : ring.ids()) {
                out.println(keys.texts().get(id.equals(ring.current().id()) ? "keys.status.current" : "keys.status.older", id,
                        rows.getOrDefault(id, 0)));
            }
            rows.keySet().stream().filter(id -> ring.find(id).isEmpty()).forEach(id -> out.println(
                    keys.texts().get(id.equals("-") ? "keys.status.clear" : "keys.status.unknown", id, rows.get(id))));
            return 0;
        }
    }

    /// `keys rotate`: a new current key, every row re-sealed with it in batches; the older keys stay
    /// in the file until nothing is sealed with them any more.
    @Command(name = "rotate", mixinStandardHelpOptions = true)
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Override
        public Integer call() throws IOException {
            Bootstrap boot = keys.root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            DataKeyFile file = keys.file(boot);
            if (!file.exists()) {
                keys.err().println(keys.texts().get("keys.status.none", file.path()));
                return REFUSED;
            }
            DataKeyRing old = file.read();
            try (Database db = keys.openStore(boot)) {
                DataKeyRing rotated = DataKeyRotation.rotate(db, file, old);
                ConsoleAudit.record(db, AuditAction.DATA_KEY_CHANGED, "data key",
                        "rotated " + old.current().id() + " -> " + rotated.current().id());
                keys.root.out().println(keys.texts().get("keys.rotate.done", old.current().id(), rotated.current().id(),
                        rotated.ids().size() - 1));
            }
            return 0;
        }
    }
}
