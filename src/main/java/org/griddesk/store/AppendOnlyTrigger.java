package org.griddesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/// H2's guard for append-only tables (the event trail): any update or delete fails. PostgreSQL
/// has the same guard as a PL/pgSQL trigger (db/vendor/postgresql).
public final class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: events are never updated or deleted", "45000");
    }
}
