package org.griddesk.store.supervise;

import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.SHIFT_HANDOVER;
import static org.griddesk.store.jooq.Tables.SHIFT_HANDOVER_TICKET;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.Shift;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;
import org.griddesk.store.jooq.tables.records.ShiftHandoverRecord;
import org.griddesk.store.security.AuditLog;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The shift hand-over (交接班) of a supervisor's centre: the tickets the next shift inherits, found
/// in SQL; the hand-over written by the outgoing supervisor with a note, then signed off by the
/// incoming one (another person of the same centre); earlier hand-overs read back. Each write is
/// one transaction with its audit record.
public final class HandoverService {
    private static final int MAX_NOTE = 4000;
    private static final String TARGET = "交接班";

    private final DSLContext dsl;
    private final Organisation organisation;
    private final ShiftSchedule shifts;
    private final AuditSink audit;
    private final Clock clock;

    public HandoverService(DSLContext dsl, Organisation organisation, ShiftSchedule shifts, AuditSink audit, Clock clock) {
        this.dsl = dsl;
        this.organisation = organisation;
        this.shifts = shifts;
        this.audit = audit;
        this.clock = clock;
    }

    /// What a hand-over written now would list (not stored): for the desk to show before writing.
    public HandOver draft(Session by) {
        SupervisionSeat seat = allowed(by, AuditAction.HANDOVER_WRITTEN, TARGET);
        return draft(seat, clock.instant(), "");
    }

    /// Writes the hand-over of `by`'s centre with `note`, listing the tickets as they stand now.
    public HandOver write(Session by, String note) {
        SupervisionSeat seat = allowed(by, AuditAction.HANDOVER_WRITTEN, TARGET);
        if (note == null || note.isBlank()) {
            throw SupervisionRefused.handover("handover.refused.noNote");
        }
        if (note.length() > MAX_NOTE) {
            throw SupervisionRefused.handover("handover.refused.long", MAX_NOTE);
        }
        Instant now = clock.instant();
        HandOver draft = draft(seat, now, note.strip());
        long id = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // one hand-over per shift: a second while the first waits for its sign-off would leave the
            // next supervisor two lists of the same shift (a desk's 交班 clicked twice did)
            Long waiting = tx.select(SHIFT_HANDOVER.ID).from(SHIFT_HANDOVER)
                    .where(SHIFT_HANDOVER.CENTRE_UNIT.eq(draft.centreId()), SHIFT_HANDOVER.SHIFT_NAME.eq(draft.shift()),
                            SHIFT_HANDOVER.NEXT_SHIFT_ENDS.eq(TicketLines.odt(draft.nextShiftEnds())), SHIFT_HANDOVER.SIGNED_AT.isNull())
                    .limit(1).fetchOne(SHIFT_HANDOVER.ID);
            if (waiting != null) {
                throw SupervisionRefused.handover("handover.refused.again", Long.toString(waiting));
            }
            long stored = tx.insertInto(SHIFT_HANDOVER)
                    .set(SHIFT_HANDOVER.CENTRE_UNIT, draft.centreId())
                    .set(SHIFT_HANDOVER.SHIFT_NAME, draft.shift())
                    .set(SHIFT_HANDOVER.NEXT_SHIFT_NAME, draft.nextShift())
                    .set(SHIFT_HANDOVER.NEXT_SHIFT_ENDS, TicketLines.odt(draft.nextShiftEnds()))
                    .set(SHIFT_HANDOVER.WRITTEN_BY, by.accountId())
                    .set(SHIFT_HANDOVER.WRITTEN_BY_NAME, by.displayName())
                    .set(SHIFT_HANDOVER.WRITTEN_AT, TicketLines.odt(now))
                    .set(SHIFT_HANDOVER.NOTE, draft.note())
                    .returningResult(SHIFT_HANDOVER.ID).fetchOne().value1();
            var insert = tx.insertInto(SHIFT_HANDOVER_TICKET, SHIFT_HANDOVER_TICKET.HANDOVER_ID, SHIFT_HANDOVER_TICKET.SECTION,
                    SHIFT_HANDOVER_TICKET.TICKET_ID, SHIFT_HANDOVER_TICKET.TICKET_CODE, SHIFT_HANDOVER_TICKET.TICKET_STATE,
                    SHIFT_HANDOVER_TICKET.DUE_AT);
            int rows = 0;
            for (var section : draft.tickets().entrySet()) {
                for (TicketLine t : section.getValue()) {
                    insert = insert.values(stored, section.getKey().name(), t.id(), t.code(), t.state().name(), TicketLines.odt(t.dueAt()));
                    rows++;
                }
            }
            if (rows > 0) {
                insert.execute();
            }
            AuditLog.write(audit, tx, seat.entry(now, AuditAction.HANDOVER_WRITTEN, TARGET + "#" + stored, AuditOutcome.SUCCESS,
                    by.unitId() + " " + draft.shift() + ": " + counts(draft)));
            return stored;
        });
        return read(id);
    }

    /// The incoming supervisor signs off hand-over `id`: refused in words when it is not of their
    /// centre, already signed, or written by themselves (a hand-over passes between two people).
    public HandOver signOff(Session by, long id, String note) {
        SupervisionSeat seat = allowed(by, AuditAction.HANDOVER_SIGNED, TARGET + "#" + id);
        Instant now = clock.instant();
        ShiftHandoverRecord row = dsl.selectFrom(SHIFT_HANDOVER).where(SHIFT_HANDOVER.ID.eq(id)).fetchOne();
        if (row == null || !row.getCentreUnit().equals(by.unitId())) {
            throw seat.refused(audit, now, AuditAction.HANDOVER_SIGNED, TARGET + "#" + id,
                    SupervisionRefused.handover("handover.refused.otherCentre"));
        }
        if (row.getWrittenBy().equals(by.accountId())) {
            throw seat.refused(audit, now, AuditAction.HANDOVER_SIGNED, TARGET + "#" + id,
                    SupervisionRefused.handover("handover.refused.samePerson", row.getWrittenByName()));
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw SupervisionRefused.handover("handover.refused.long", MAX_NOTE);
        }
        String signNote = note == null || note.isBlank() ? null : note.strip();
        boolean signed = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int updated = tx.update(SHIFT_HANDOVER)
                    .set(SHIFT_HANDOVER.SIGNED_BY, by.accountId())
                    .set(SHIFT_HANDOVER.SIGNED_BY_NAME, by.displayName())
                    .set(SHIFT_HANDOVER.SIGNED_AT, TicketLines.odt(now))
                    .set(SHIFT_HANDOVER.SIGN_NOTE, signNote)
                    .where(SHIFT_HANDOVER.ID.eq(id)).and(SHIFT_HANDOVER.SIGNED_AT.isNull())
                    .execute();
            if (updated == 1) {
                AuditLog.write(audit, tx, seat.entry(now, AuditAction.HANDOVER_SIGNED, TARGET + "#" + id, AuditOutcome.SUCCESS,
                        "written by " + row.getWrittenByName()));
            }
            return updated == 1;
        });
        if (!signed) {
            throw SupervisionRefused.handover("handover.refused.signed");
        }
        return read(id);
    }

    /// The centre's hand-overs, newest first (at most `limit`), with their tickets.
    public List<HandOver> history(Session by, int limit) {
        allowed(by, AuditAction.HANDOVER_WRITTEN, TARGET);
        return dsl.select(SHIFT_HANDOVER.ID).from(SHIFT_HANDOVER).where(SHIFT_HANDOVER.CENTRE_UNIT.eq(by.unitId()))
                .orderBy(SHIFT_HANDOVER.WRITTEN_AT.desc(), SHIFT_HANDOVER.ID.desc()).limit(limit)
                .fetch(r -> read(r.value1()));
    }

    private SupervisionSeat allowed(Session by, AuditAction action, String target) {
        SupervisionSeat seat = SupervisionSeat.of(by, organisation);
        if (!by.may(Permission.SHIFT_HANDOVER) || seat.unit() == null || !seat.unit().isCentre()) {
            throw seat.refused(audit, clock.instant(), action, target, SupervisionRefused.handover("handover.refused.role"));
        }
        return seat;
    }

    private HandOver draft(SupervisionSeat seat, Instant now, String note) {
        String centre = seat.unit().id();
        Instant nextStarts = shifts.nextChangeAfter(now);
        Instant nextEnds = shifts.nextChangeAfter(nextStarts);
        Condition mine = TICKET.OWNER_UNIT.eq(centre);
        Condition inHand = mine.and(TICKET.STATE.in(TicketLines.IN_HAND));
        Map<HandOver.Section, List<TicketLine>> sections = new EnumMap<>(HandOver.Section.class);
        sections.put(HandOver.Section.DUE_NEXT_SHIFT, lines(inHand.and(TICKET.DUE_AT.ge(TicketLines.odt(now)))
                .and(TICKET.DUE_AT.lt(TicketLines.odt(nextEnds)))));
        sections.put(HandOver.Section.OVERDUE, lines(inHand.and(TICKET.DUE_AT.lt(TicketLines.odt(now)))));
        sections.put(HandOver.Section.CALLBACK_DUE, lines(mine.and(TICKET.STATE.in(TicketState.VERIFIED.name(),
                TicketState.ANSWERED.name()))));
        sections.put(HandOver.Section.WHISTLE_OPEN, lines(mine.and(TicketLines.open()).and(DSL.exists(DSL.selectOne().from(WHISTLE)
                .where(WHISTLE.TICKET_ID.eq(TICKET.ID)).and(WHISTLE.CHECKED_IN_AT.isNull())))));
        sections.put(HandOver.Section.EXTENSION_PENDING, lines(mine.and(TicketLines.open()).and(DSL.exists(DSL.selectOne()
                .from(EXTENSION_REQUEST).where(EXTENSION_REQUEST.TICKET_ID.eq(TICKET.ID))
                .and(EXTENSION_REQUEST.STATUS.eq(ExtensionRequest.Status.PENDING.name()))))));
        return new HandOver(0, centre, stored(shifts.onDutyAt(now)), stored(shifts.onDutyAt(nextStarts)), nextEnds,
                seat.session().accountId(), seat.session().displayName(), now, note, null, null, null, null, sections);
    }

    private List<TicketLine> lines(Condition where) {
        return dsl.select(TicketLines.FIELDS).from(TicketLines.ticketsWithItems()).where(where)
                .orderBy(TICKET.DUE_AT.asc().nullsLast(), TICKET.ID.asc())
                .fetch(TicketLines::read);
    }

    private HandOver read(long id) {
        ShiftHandoverRecord r = dsl.selectFrom(SHIFT_HANDOVER).where(SHIFT_HANDOVER.ID.eq(id)).fetchOne();
        Map<HandOver.Section, List<TicketLine>> sections = new EnumMap<>(HandOver.Section.class);
        dsl.select(TicketLines.FIELDS).select(SHIFT_HANDOVER_TICKET.SECTION, SHIFT_HANDOVER_TICKET.TICKET_STATE,
                        SHIFT_HANDOVER_TICKET.DUE_AT)
                .from(SHIFT_HANDOVER_TICKET.join(TicketLines.ticketsWithItems()).on(TICKET.ID.eq(SHIFT_HANDOVER_TICKET.TICKET_ID)))
                .where(SHIFT_HANDOVER_TICKET.HANDOVER_ID.eq(id))
                .orderBy(SHIFT_HANDOVER_TICKET.DUE_AT.asc().nullsLast(), TICKET.ID.asc())
                .forEach(row -> {
                    TicketLine now = TicketLines.read(row);
                    // as it stood when handed over
                    TicketLine then = new TicketLine(now.id(), now.code(), TicketState.valueOf(row.get(SHIFT_HANDOVER_TICKET.TICKET_STATE)),
                            now.itemName(), now.summary(), now.gridCode(), now.address(), now.ownerUnitId(), now.reportedAt(),
                            TicketLines.instant(row.get(SHIFT_HANDOVER_TICKET.DUE_AT)));
                    sections.computeIfAbsent(HandOver.Section.valueOf(row.get(SHIFT_HANDOVER_TICKET.SECTION)),
                            s -> new ArrayList<>()).add(then);
                });
        return new HandOver(r.getId(), r.getCentreUnit(), r.getShiftName(), r.getNextShiftName(),
                TicketLines.instant(r.getNextShiftEnds()), r.getWrittenBy(), r.getWrittenByName(),
                TicketLines.instant(r.getWrittenAt()), r.getNote(), r.getSignedBy(), r.getSignedByName(),
                TicketLines.instant(r.getSignedAt()), r.getSignNote(), sections);
    }

    private static String stored(Shift shift) {
        return shift.zhName() + "|" + shift.enName();
    }

    private static String counts(HandOver h) {
        StringBuilder b = new StringBuilder();
        h.tickets().forEach((s, l) -> b.append(s.name()).append('=').append(l.size()).append(' '));
        return b.toString().strip();
    }
}
