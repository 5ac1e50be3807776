package org.griddesk.app;

import java.time.Clock;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictChanges;

/// The audit records of what the server's console changes without a GridDesk account (channel
/// keys, the data key, the district's grids and catalogue, the holiday calendar): whoever runs the
/// command on this machine is named by their operating-system account (`console:NAME`), and the
/// machine by its host name and address. The deployment keeps that console to its administrators
/// (docs/security.md).
final class ConsoleAudit {
    private ConsoleAudit() {
    }

    /// The record of a change done at this machine's console.
    static AuditEntry entry(AuditAction action, String target, String detail) {
        String user = System.getProperty("user.name", "?");
        return new AuditEntry(Clock.systemUTC().instant(), "console:" + user, user + " (console)", Workstation.local(), action,
                target, AuditOutcome.SUCCESS, detail == null ? "" : detail);
    }

    /// Records a change done at the console in `db`'s audit log.
    static void record(Database db, AuditAction action, String target, String detail) {
        AuditSinks.of(db).record(entry(action, target, detail));
    }

    /// Records a change of the district's base data done at the console: in the audit log, and in
    /// the district's change record, so running desks and gateways read the district anew.
    static void districtChanged(Database db, AuditAction action, DistrictChangeKind kind, String target, String detail) {
        AuditEntry entry = entry(action, target, detail);
        AuditSinks.of(db).record(entry);
        new DistrictChanges(db.dsl(), Clock.systemUTC()).record(kind, entry.actorName(), target + ": " + entry.detail());
    }
}
