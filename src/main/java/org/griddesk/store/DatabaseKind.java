package org.griddesk.store;

import java.util.Locale;
import org.jooq.SQLDialect;

/// The two stores GridDesk runs on: embedded H2 for one desk, PostgreSQL for a command centre.
public enum DatabaseKind {
    H2(SQLDialect.H2),
    POSTGRESQL(SQLDialect.POSTGRES);

    private final SQLDialect dialect;

    DatabaseKind(SQLDialect dialect) {
        this.dialect = dialect;
    }

    /// The folder under `db/vendor/` with the migrations only this database needs.
    public String vendorFolder() {
        return this == H2 ? "h2" : "postgresql";
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /// Tells the kind from a JDBC URL; anything else is refused with a clear message.
    public static DatabaseKind fromUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL '" + jdbcUrl + "': use jdbc:postgresql://host:port/db or leave it empty for embedded H2");
    }
}
