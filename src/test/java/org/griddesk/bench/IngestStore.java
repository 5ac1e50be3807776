package org.griddesk.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.griddesk.store.CommitDurability;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.TestDataKeys;
import org.griddesk.testsupport.TestDatabases;

/// The stores the ingest benchmark compares (`-Dbench.ingest.stores=H2,POSTGRESQL,…`): PostgreSQL,
/// and the embedded H2 store three ways, so that what durability costs is measured in one run.
enum IngestStore {
    /// H2 writing commits on its own, up to its WRITE_DELAY (0.5 s) later: as GridDesk did before
    /// issue 28 (a kill lost the last half second of acknowledged requests). The URL sets
    /// WRITE_DELAY, which GridDesk then leaves to H2.
    H2_WRITE_DELAY(DatabaseKind.H2),
    /// the default, `db.durability=process`: each commit in the file before it returns
    H2(DatabaseKind.H2),
    /// `db.durability=power`: each commit also forced to the disk before it returns
    H2_POWER(DatabaseKind.H2),
    /// the shared test server: `synchronous_commit=off` and no fsync (EmbeddedPostgresServer)
    POSTGRESQL(DatabaseKind.POSTGRESQL);

    static final String ALL = "H2_WRITE_DELAY,H2,H2_POWER,POSTGRESQL";

    private final DatabaseKind kind;

    IngestStore(DatabaseKind kind) {
        this.kind = kind;
    }

    DatabaseKind kind() {
        return kind;
    }

    /// For file and result names: `h2-write-delay`.
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /// The stores a comma-separated list names, in its order (the first store of a run also warms up
    /// the JVM: `H2_POWER,H2,H2_WRITE_DELAY` checks that the order did not decide a comparison).
    static List<IngestStore> named(String list) {
        return Arrays.stream(list.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .map(IngestStore::valueOf).distinct().toList();
    }

    /// A fresh, migrated store of this sort in `dir`.
    Database fresh(Path dir) {
        DatabaseSettings settings = switch (this) {
            case H2_WRITE_DELAY -> {
                DatabaseSettings embedded = DatabaseSettings.embeddedH2(dir);
                yield new DatabaseSettings(embedded.url() + ";WRITE_DELAY=500", embedded.user(), embedded.password());
            }
            case H2 -> DatabaseSettings.embeddedH2(dir);
            case H2_POWER -> DatabaseSettings.embeddedH2(dir).withDurability(CommitDurability.POWER);
            case POSTGRESQL -> TestDatabases.freshSettings(DatabaseKind.POSTGRESQL, dir);
        };
        Database db = Database.open(settings, ThreadGuard.NONE);
        db.migrate();
        return TestDataKeys.attach(db);
    }
}
