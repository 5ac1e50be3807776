package org.griddesk.store.supervise;

import static org.griddesk.store.jooq.Tables.CONSULTATION;
import static org.griddesk.store.jooq.Tables.CONSULTATION_TICKET;
import static org.griddesk.store.jooq.Sequences.CONSULTATION_SEQ;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.ticket.TicketNotFoundException;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.jooq.DSLContext;

/// The consultation on hard cases (会商研判): the list (who may read the assessment may read it: a
/// district-level person sees the district, a town supervisor their centre's tickets), and the
/// record of a meeting, which a supervisor of the district centre writes. The record and a
/// `Consulted` event in each concerned ticket's trail are one transaction with the audit record.
public final class ConsultationService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsultationService.class);
    private static final int MAX_TEXT = 4000;

    private final DSLContext dsl;
    private final TicketService tickets;
    private final TicketRepository repository;
    private final Organisation organisation;
    private final HardCaseFinder finder;
    private final AuditSink audit;
    private final Clock clock;

    public ConsultationService(DSLContext dsl, TicketService tickets, Organisation organisation, WorkCalendar calendar,
                               AuditSink audit, Clock clock) {
        this.dsl = dsl;
        this.tickets = tickets;
        this.repository = new TicketRepository(dsl);
        this.organisation = organisation;
        this.finder = new HardCaseFinder(dsl, calendar);
        this.audit = audit;
        this.clock = clock;
    }

    /// The hard cases `by` may see, by the rules; the making of the list is audited (a report).
    public List<HardCase> hardCases(Session by, HardCaseRules rules) {
        SupervisionSeat seat = SupervisionSeat.of(by, organisation);
        Instant now = clock.instant();
        if (!by.may(Permission.ASSESSMENT_READ) || seat.unit() == null) {
            throw seat.refused(audit, now, AuditAction.REPORT_MADE, "会商研判", SupervisionRefused.consult("consult.refused.read"));
        }
        long started = System.nanoTime();
        List<HardCase> cases = finder.find(seat.scope(), rules, now);
        log.info("hard cases for {}: {} in {} ms", seat.scope() == null ? "the district" : seat.scope(), cases.size(),
                (System.nanoTime() - started) / 1_000_000);
        audit.record(seat.entry(now, AuditAction.REPORT_MADE, "会商研判", AuditOutcome.SUCCESS,
                "hard cases: " + cases.size() + " (" + rules + ", scope " + (seat.scope() == null ? "district" : seat.scope()) + ")"));
        return cases;
    }

    /// How many hard cases `by` would see (for the supervisor's board: a count shows no ticket, so it
    /// is not audited as a report); 0 for who may not read the list.
    public int count(Session by, HardCaseRules rules) {
        SupervisionSeat seat = SupervisionSeat.of(by, organisation);
        if (!by.may(Permission.ASSESSMENT_READ) || seat.unit() == null) {
            return 0;
        }
        return finder.find(seat.scope(), rules, clock.instant()).size();
    }

    /// Records a consultation that took up `reasons`' tickets (id → why it was on the list). Refused in
    /// words, with nothing written, when `by` may not record one (not a supervisor of the district
    /// centre), when a field is missing, or when a ticket cannot take it (its state or version).
    public Consultation record(Session by, Consultation.Draft draft, Map<Long, String> reasons) {
        SupervisionSeat seat = SupervisionSeat.of(by, organisation);
        Instant now = clock.instant();
        if (!by.may(Permission.CONSULTATION_RECORD) || !seat.districtCentre()) {
            throw seat.refused(audit, now, AuditAction.CONSULTATION_RECORDED, "会商研判",
                    SupervisionRefused.consult("consult.refused.record"));
        }
        check(draft, reasons);
        Long same = sameRecord(draft, reasons.keySet());
        if (same != null) {
            throw SupervisionRefused.consult("consult.alreadyRecorded", Long.toString(same));
        }
        List<Ticket> concerned;
        try {
            concerned = reasons.keySet().stream().map(repository::get).toList();
        } catch (TicketNotFoundException e) {
            throw SupervisionRefused.consult("consult.refused.noTicket");
        }
        long id = dsl.select(CONSULTATION_SEQ.nextval()).fetchOne().value1();
        Consultation stored = new Consultation(id, draft.heldOn(), draft.units().strip(), draft.findings().strip(),
                draft.decision().strip(), draft.followUpUnitId(), draft.followUpDue(), by.displayName(), now,
                List.copyOf(reasons.keySet()));
        String codes = String.join(",", concerned.stream().map(Ticket::code).toList());
        try {
            tickets.executeTogether(concerned, t -> new TicketCommand.RecordConsultation(id, draft.heldOn(), stored.decision(),
                    draft.followUpUnitId(), draft.followUpDue()), seat.actor(), tx -> {
                tx.insertInto(CONSULTATION)
                        .set(CONSULTATION.ID, id)
                        .set(CONSULTATION.HELD_ON, draft.heldOn())
                        .set(CONSULTATION.UNITS, stored.units())
                        .set(CONSULTATION.FINDINGS, stored.findings())
                        .set(CONSULTATION.DECISION, stored.decision())
                        .set(CONSULTATION.FOLLOW_UP_UNIT, stored.followUpUnitId())
                        .set(CONSULTATION.FOLLOW_UP_DUE, stored.followUpDue())
                        .set(CONSULTATION.RECORDED_BY, by.accountId())
                        .set(CONSULTATION.RECORDED_BY_NAME, by.displayName())
                        .set(CONSULTATION.RECORDED_UNIT, by.unitId())
                        .set(CONSULTATION.RECORDED_AT, TicketLines.odt(now))
                        .execute();
                reasons.forEach((ticketId, why) -> tx.insertInto(CONSULTATION_TICKET)
                        .set(CONSULTATION_TICKET.CONSULTATION_ID, id)
                        .set(CONSULTATION_TICKET.TICKET_ID, ticketId)
                        .set(CONSULTATION_TICKET.REASONS, why.length() <= 500 ? why : why.substring(0, 500))
                        .execute());
                AuditLog.write(audit, tx, seat.entry(now, AuditAction.CONSULTATION_RECORDED, "会商研判#" + id,
                        AuditOutcome.SUCCESS, "tickets " + codes + "; follow-up " + stored.followUpUnitId() + " by "
                                + stored.followUpDue()));
            });
        } catch (TransitionRefused refused) {
            throw SupervisionRefused.consult("consult.refused.ticket", refused.message(java.util.Locale.CHINA));
        }
        return stored;
    }

    /// A consultation stored already with the same day, units, findings, decision, follow-up and
    /// tickets (the same record sent twice, e.g. a button pressed again), or null.
    private Long sameRecord(Consultation.Draft draft, java.util.Set<Long> ticketIds) {
        var candidates = dsl.select(CONSULTATION.ID).from(CONSULTATION)
                .where(CONSULTATION.HELD_ON.eq(draft.heldOn()), CONSULTATION.UNITS.eq(draft.units().strip()),
                        CONSULTATION.FINDINGS.eq(draft.findings().strip()), CONSULTATION.DECISION.eq(draft.decision().strip()),
                        CONSULTATION.FOLLOW_UP_UNIT.eq(draft.followUpUnitId()), CONSULTATION.FOLLOW_UP_DUE.eq(draft.followUpDue()))
                .fetch(CONSULTATION.ID);
        for (Long id : candidates) {
            var theirs = java.util.Set.copyOf(dsl.select(CONSULTATION_TICKET.TICKET_ID).from(CONSULTATION_TICKET)
                    .where(CONSULTATION_TICKET.CONSULTATION_ID.eq(id)).fetch(CONSULTATION_TICKET.TICKET_ID));
            if (theirs.equals(ticketIds)) {
                return id;
            }
        }
        return null;
    }

    /// The consultations recorded, newest first (at most `limit`), for anyone who may read the list.
    public List<Consultation> recent(Session by, int limit) {
        if (!by.may(Permission.ASSESSMENT_READ)) {
            throw SupervisionRefused.consult("consult.refused.read");
        }
        var rows = dsl.selectFrom(CONSULTATION).orderBy(CONSULTATION.HELD_ON.desc(), CONSULTATION.ID.desc()).limit(limit).fetch();
        Map<Long, List<Long>> ticketsOf = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            dsl.selectFrom(CONSULTATION_TICKET).where(CONSULTATION_TICKET.CONSULTATION_ID.in(rows.getValues(CONSULTATION.ID)))
                    .orderBy(CONSULTATION_TICKET.TICKET_ID)
                    .forEach(r -> ticketsOf.computeIfAbsent(r.getConsultationId(), k -> new java.util.ArrayList<>()).add(r.getTicketId()));
        }
        return rows.map(r -> new Consultation(r.getId(), r.getHeldOn(), r.getUnits(), r.getFindings(), r.getDecision(),
                r.getFollowUpUnit(), r.getFollowUpDue(), r.getRecordedByName(), TicketLines.instant(r.getRecordedAt()),
                ticketsOf.getOrDefault(r.getId(), List.of())));
    }

    private void check(Consultation.Draft d, Map<Long, String> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            throw SupervisionRefused.consult("consult.refused.noTickets");
        }
        if (d.heldOn() == null || d.followUpDue() == null || d.followUpDue().isBefore(d.heldOn())) {
            throw SupervisionRefused.consult("consult.refused.dates");
        }
        for (String text : new String[] {d.units(), d.findings(), d.decision()}) {
            if (text == null || text.isBlank()) {
                throw SupervisionRefused.consult("consult.refused.blank");
            }
            if (text.length() > MAX_TEXT) {
                throw SupervisionRefused.consult("consult.refused.long", MAX_TEXT);
            }
        }
        if (d.followUpUnitId() == null || organisation.unit(d.followUpUnitId()).isEmpty()) {
            throw SupervisionRefused.consult("consult.refused.unit", String.valueOf(d.followUpUnitId()));
        }
    }
}
