package org.griddesk.store.supervise;

import java.time.Instant;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;

/// Who asks, seen by the supervision services: their unit in the organisation, their acting role,
/// and the audit record of what they did or were refused. Shared by the consultation and the
/// hand-over so that both check and record alike.
record SupervisionSeat(Session session, Unit unit) {
    static SupervisionSeat of(Session session, Organisation organisation) {
        return new SupervisionSeat(session, organisation.unit(session.unitId()).orElse(null));
    }

    Actor actor() {
        return new Actor(session.accountId(), session.displayName(), session.actingRole(), unit);
    }

    /// a centre at district level or above: it sees and consults on the whole district
    boolean districtCentre() {
        return unit != null && unit.isCentre() && unit.level() != UnitLevel.STREET;
    }

    /// the centre whose tickets this person answers for; null for the whole district
    String scope() {
        return districtCentre() || session.may(Permission.DISTRICT_READ) ? null : session.unitId();
    }

    AuditEntry entry(Instant at, AuditAction action, String target, AuditOutcome outcome, String detail) {
        return new AuditEntry(at, session.accountId(), session.displayName(), session.from(), action, target, outcome, detail);
    }

    /// Records the refusal and returns it to be thrown.
    SupervisionRefused refused(AuditSink audit, Instant at, AuditAction action, String target, SupervisionRefused refusal) {
        audit.record(entry(at, action, target, AuditOutcome.REFUSED, refusal.messageKey()));
        return refusal;
    }
}
