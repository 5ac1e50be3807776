package org.griddesk.store;

import java.util.Locale;
import java.util.Optional;

/// What a commit on the embedded H2 store has survived when it returns, and so when the gateway
/// acknowledges it (setting `db.durability`; docs/reliability.md).
///
/// H2 alone writes committed changes to its file up to half a second later (its `WRITE_DELAY`): a
/// process killed in between lost them, acknowledged or not. GridDesk makes every commit reach the
/// file before it returns. PostgreSQL's commits are as durable as its server's settings make them
/// (`fsync`, `synchronous_commit`); this setting does not change them.
public enum CommitDurability {
    /// In the database file (the operating system's cache) before the commit returns: a crash or
    /// kill of GridDesk loses nothing committed; a power cut or a crash of the operating system may
    /// lose what the system had not yet written to the disk (Linux writes it within about 30 s).
    PROCESS,
    /// Also forced to the disk (`fsync`) before the commit returns: a power cut loses nothing
    /// committed either, as far as the disk keeps what it reports written. Each commit waits for
    /// the disk; commits arriving together share one wait.
    POWER;

    /// The value in `griddesk.properties`: `process` or `power`.
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// The choice a configuration value names, if it names one.
    public static Optional<CommitDurability> parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CommitDurability d : values()) {
            if (d.configValue().equals(value)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
