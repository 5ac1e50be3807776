package org.griddesk.store.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.griddesk.security.AuditRetention;
import org.h2.api.Trigger;

/// H2's guard for the audit log (PostgreSQL has the same as PL/pgSQL, db/vendor/postgresql): a record
/// is never updated, and deleted only when it is older than [AuditRetention#FLOOR_DAYS]; the head
/// row is never deleted.
public final class AuditGuardTrigger implements Trigger {
    /// the column `at` of audit_log, as the trigger sees the row
    private static final int AT = 1;
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (table.equalsIgnoreCase("AUDIT_HEAD")) {
            throw new SQLException("audit_head is protected: its row is never deleted", "45000");
        }
        if (newRow != null) {
            throw new SQLException("audit_log is append-only: records are never changed", "45000");
        }
        Instant at = instant(oldRow[AT]);
        if (!at.isBefore(Instant.now().minus(Duration.ofDays(AuditRetention.FLOOR_DAYS)))) {
            throw new SQLException("audit_log: record " + oldRow[0] + " is kept at least " + AuditRetention.FLOOR_DAYS
                    + " days and cannot be deleted", "45000");
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case OffsetDateTime odt -> odt.toInstant();
            case Timestamp ts -> ts.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("audit_log.at is " + value.getClass());
        };
    }
}
