package org.griddesk.store;

import java.time.Clock;
import java.util.Optional;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.geo.Region;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.RevealRefused;
import org.griddesk.security.Session;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.security.LiveSessions;
import org.griddesk.store.ticket.PersonalDataLog;
import org.griddesk.store.ticket.TicketRepository;
import org.jooq.DSLContext;

/// Reveals a citizen's unmasked details: a ticket's caller, or a must-visit household. The rules
/// hold here, whatever the desk shows: the permission [Permission#PERSONAL_DATA_REVEAL], the scope
/// (district-wide readers every ticket and household; centre staff their centre's tickets and the
/// households of its grids; a team's handlers the tickets their team works), and a reason of 1 to
/// [#MAX_REASON] characters. A reveal is recorded in `personal_data_access` and in the audit in one
/// transaction before it is shown (an audit that cannot be written stops it); a refusal is audited
/// and thrown as [RevealRefused] with a message key of `i18n/personaldata`.
public final class PersonalDataService {
    public static final int MAX_REASON = 200;

    private final DSLContext dsl;
    private final AuditSink audit;
    private final Clock clock;
    private final TicketRepository tickets;
    private final DistrictRepository district;
    private volatile Organisation organisation;

    public PersonalDataService(DSLContext dsl, AuditSink audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.tickets = new TicketRepository(dsl);
        this.district = new DistrictRepository(dsl);
    }

    /// The caller of the ticket, unmasked.
    public Caller revealCaller(Session session, long ticketId, String reason) {
        Optional<Ticket> found = tickets.find(ticketId);
        String target = found.map(Ticket::code).orElse("#" + ticketId);
        String why = checked(session, target, reason);
        Ticket ticket = found.orElseThrow(() -> refused(session, target, why, "reveal.refused.notFound"));
        if (!inScope(session, ticket)) {
            throw refused(session, target, why, "reveal.refused.scope");
        }
        Caller caller = ticket.intake().caller();
        if (caller == null) {
            throw refused(session, target, why, "reveal.refused.nothing");
        }
        if (!caller.readable()) {
            throw refused(session, target, why, "reveal.refused.noKey");
        }
        recorded(session, target, why, ticketId, null);
        return caller;
    }

    /// The must-visit household, unmasked.
    public VisitHousehold revealHousehold(Session session, String householdId, String reason) {
        String target = "household:" + householdId;
        String why = checked(session, target, reason);
        VisitHousehold household = district.visitHousehold(householdId)
                .orElseThrow(() -> refused(session, target, why, "reveal.refused.notFound"));
        if (!inScope(session, household)) {
            throw refused(session, target, why, "reveal.refused.scope");
        }
        if (!household.readable()) {
            throw refused(session, target, why, "reveal.refused.noKey");
        }
        recorded(session, target, why, null, householdId);
        return household;
    }

    /// A household's care records with their notes (special groups, 四失五类): for those who may read
    /// special groups, in scope, with a reason; recorded as a reveal of `care:ID`.
    public VisitHousehold revealCare(Session session, String householdId, String reason) {
        String target = "care:" + householdId;
        String why = checked(session, target, reason);
        if (!session.may(Permission.SPECIAL_GROUPS_READ)) {
            throw refused(session, target, why, "reveal.refused.permission");
        }
        VisitHousehold household = district.visitHousehold(householdId)
                .orElseThrow(() -> refused(session, target, why, "reveal.refused.notFound"));
        if (!inScope(session, household)) {
            throw refused(session, target, why, "reveal.refused.scope");
        }
        recorded(session, target, why, null, householdId);
        return household;
    }

    /// Whether the grid is in the session's scope: the district's readers see every grid, centre
    /// staff the grids of their centre's area (and a centre above, those below).
    public boolean coversGrid(Session session, String gridCode) {
        if (session.may(Permission.DISTRICT_READ)) {
            return true;
        }
        if (!session.roles().contains(Role.DISPATCHER) && !session.roles().contains(Role.SUPERVISOR)) {
            return false;
        }
        Organisation org = organisation();
        Optional<Unit> mine = org.unit(session.unitId()).filter(Unit::isCentre);
        Optional<Unit> ofGrid = district.region(gridCode).flatMap(grid -> district.region(grid.parentCode()))
                .map(Region::parentCode).flatMap(org::unit).filter(Unit::isCentre);
        return mine.isPresent() && ofGrid.isPresent() && org.isSameOrAbove(mine.get(), ofGrid.get());
    }

    /// The permission and the reason, before anything is read; returns the reason stripped.
    private String checked(Session session, String target, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (!LiveSessions.active(dsl, session, clock.instant())) {
            throw refused(session, target, why, "reveal.refused.sessionEnded");
        }
        if (!session.may(Permission.PERSONAL_DATA_REVEAL)) {
            throw refused(session, target, why, "reveal.refused.permission");
        }
        if (why.isEmpty()) {
            throw refused(session, target, why, "reveal.refused.reasonRequired");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw refused(session, target, why.substring(0, why.offsetByCodePoints(0, MAX_REASON)), "reveal.refused.reasonTooLong",
                    MAX_REASON);
        }
        return why;
    }

    private boolean inScope(Session session, Ticket ticket) {
        if (session.may(Permission.DISTRICT_READ)) {
            return true;
        }
        boolean centreStaff = session.roles().contains(Role.DISPATCHER) || session.roles().contains(Role.SUPERVISOR);
        return centreStaff && session.unitId().equals(ticket.ownerUnitId())
                || session.roles().contains(Role.HANDLER) && session.unitId().equals(ticket.assignedTeamId());
    }

    /// Centre staff see the households of their centre's grids, and a centre above sees those below.
    private boolean inScope(Session session, VisitHousehold household) {
        return coversGrid(session, household.gridCode());
    }

    private Organisation organisation() {
        Organisation o = organisation;
        if (o == null) {
            o = district.organisation();
            organisation = o;
        }
        return o;
    }

    private void recorded(Session session, String target, String reason, Long ticketId, String householdId) {
        var at = clock.instant();
        dsl.transaction(cfg -> {
            PersonalDataLog.recordReveal(cfg.dsl(), ticketId, householdId, session, reason, at);
            AuditLog.write(audit, cfg.dsl(), new AuditEntry(at, session.accountId(), session.displayName(), session.from(),
                    AuditAction.PERSONAL_DATA_REVEALED, target, AuditOutcome.SUCCESS, reason));
        });
    }

    private RevealRefused refused(Session session, String target, String reason, String key, Object... args) {
        audit.record(new AuditEntry(clock.instant(), session.accountId(), session.displayName(), session.from(),
                AuditAction.PERSONAL_DATA_REVEALED, target, AuditOutcome.REFUSED, key + (reason.isEmpty() ? "" : ": " + reason)));
        return new RevealRefused(key, args);
    }
}
