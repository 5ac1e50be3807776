package org.griddesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.griddesk.security.DataKey;
import org.griddesk.security.DataKeyFile;
import org.griddesk.security.DataKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// How a store gets its data keys at start: from the key file of the data folder; an embedded store
/// (a single desk, the demo) makes one on its first start; a desk of a shared PostgreSQL store
/// never makes one (the first desk's file must be copied to every desk and gateway: a second key
/// would seal rows the others cannot open), and without it runs with personal data hidden.
public final class DataKeySetup {
    private static final Logger log = LoggerFactory.getLogger(DataKeySetup.class);

    /// What was found: the vault to give the store, and when it has no key, why (for the desk's
    /// message and the gateway's refusal).
    public record Found(PersonalDataVault vault, String problem) {
        public boolean hasKey() {
            return vault.hasKey();
        }
    }

    private DataKeySetup() {
    }

    /// The keys of the data folder for a store of `kind`; creates the file for an embedded store
    /// when `mayCreate` (the store holds nothing sealed: a new key would not open what an earlier,
    /// lost one sealed, and would make a lost key look like a working desk).
    public static Found find(Path dataFolder, DatabaseKind kind, boolean mayCreate) {
        DataKeyFile file = DataKeyFile.in(dataFolder);
        try {
            if (!file.exists() && kind == DatabaseKind.H2 && mayCreate) {
                file.create(DataKeyRing.of(DataKey.generate(new SecureRandom(), null)));
                log.info("made the data key {} for the embedded store (back it up with the database, apart from it)",
                        file.path());
            }
            if (!file.exists()) {
                return new Found(PersonalDataVault.none(), "no data key file at " + file.path()
                        + ": copy keys/personal-data.key from the desk that made it (docs/security-keys.md)");
            }
            return new Found(PersonalDataVault.of(file.read()), null);
        } catch (IOException e) {
            log.error("personal data cannot be shown: {}", e.getMessage());
            return new Found(PersonalDataVault.none(), e.getMessage());
        }
    }

    /// Finds the keys (of a migrated store), gives them to the store and seals what an older version
    /// stored in clear.
    public static Found attach(Database db, Path dataFolder) {
        boolean nothingSealed = PersonalDataSweep.rowsPerKey(db.dsl()).keySet().stream().allMatch("-"::equals);
        Found found = find(dataFolder, db.kind(), nothingSealed);
        db.usePersonalData(found.vault());
        if (found.hasKey()) {
            new PersonalDataSweep(db.dsl()).sealAll();
        }
        return found;
    }
}
