package org.griddesk.app;

import java.time.Clock;
import org.griddesk.desk.DeskDoor;
import org.griddesk.desk.admin.DistrictTabs;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.DistrictAdministrationService;

/// The desk's accounts on an open store: the store's [AccountService] for sign-in, unlock,
/// sign-out and administration, its policy (the idle lock's minutes), this machine as the
/// workstation, and how the desk's locks are recorded. Built off the FX thread (it reads the store
/// and hashes a dummy password).
final class DeskAccounts {
    private DeskAccounts() {
    }

    static DeskDoor.AccountsAccess open(Database db, Clock clock, AuditSink audit) {
        AccountService service = new AccountService(db.dsl(), clock, audit);
        Workstation here = Workstation.local();
        DistrictAdministrationService district = service.districtAdministration();
        return new DeskDoor.AccountsAccess(service, service, service, new DistrictTabs(district, district, district, district, district, district,
                district),
                service.settings(), here, service::isActive,
                session -> audit.record(new AuditEntry(clock.instant(), session.accountId(), session.displayName(), session.from(),
                        AuditAction.DESK_LOCKED, session.username(), AuditOutcome.SUCCESS, "")));
    }
}
