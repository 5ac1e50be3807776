package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.ticket.CallbackRecord;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Deadline;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Milestones;
import org.griddesk.domain.ticket.Tally;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.jooq.tables.records.ExtensionRequestRecord;
import org.griddesk.store.jooq.tables.records.TicketCallbackRecord;
import org.griddesk.store.jooq.tables.records.TicketRecord;
import org.griddesk.store.jooq.tables.records.WhistleRecord;
import org.jooq.Field;

/// Maps tickets to rows and back. The ticket row holds everything but the lists, which live in
/// their own tables (whistle, extension_request, ticket_callback).
final class TicketRows {
    private TicketRows() {
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime odt) {
        return odt == null ? null : odt.toInstant();
    }

    /// Every column of the ticket row, as the ticket says, for insert and update alike.
    static Map<Field<?>, Object> columns(Ticket t, Instant now) {
        Deadline d = t.deadline();
        Milestones m = t.milestones();
        Map<Field<?>, Object> c = new java.util.LinkedHashMap<>();
        c.put(TICKET.CODE, t.code());
        c.put(TICKET.CHANNEL, t.intake().channel().name());
        c.put(TICKET.EXTERNAL_ID, t.intake().externalId());
        c.put(TICKET.SUMMARY, t.intake().summary());
        c.put(TICKET.GRID_CODE, t.intake().gridCode());
        c.put(TICKET.STATE, t.state().name());
        c.put(TICKET.OWNER_UNIT, t.ownerUnitId());
        c.put(TICKET.ACCEPTING_UNIT, t.acceptingUnitId());
        c.put(TICKET.WATCHING_UNITS, String.join(",", t.watchingUnitIds()));
        c.put(TICKET.ASSIGNED_TEAM, t.assignedTeamId());
        c.put(TICKET.ITEM_CODE, d == null ? null : d.itemCode());
        c.put(TICKET.DEADLINE_CLASS, d == null ? null : d.policy().deadlineClass().name());
        c.put(TICKET.DEADLINE_DAYS, d == null ? null : d.policy().workingDays());
        c.put(TICKET.CONSULTATION, d != null && d.consultation());
        c.put(TICKET.REPORTED_AT, odt(t.intake().reportedAt()));
        c.put(TICKET.ACCEPTED_AT, odt(m.acceptedAt()));
        c.put(TICKET.CONTACTED_AT, odt(m.contactedAt()));
        c.put(TICKET.ANSWERED_AT, odt(m.answeredAt()));
        c.put(TICKET.HANDLED_AT, odt(m.handledAt()));
        c.put(TICKET.VERIFIED_AT, odt(m.verifiedAt()));
        c.put(TICKET.CALLED_BACK_AT, odt(m.calledBackAt()));
        c.put(TICKET.CLOSED_AT, odt(m.closedAt()));
        c.put(TICKET.ORIGINAL_DUE_AT, d == null ? null : odt(d.originalDueAt()));
        c.put(TICKET.DUE_AT, d == null ? null : odt(d.dueAt()));
        c.put(TICKET.MASTER_ID, t.masterId());
        c.put(TICKET.ROUND_NO, t.round());
        c.put(TICKET.URGE_COUNT, t.tally().urged());
        c.put(TICKET.RETURN_COUNT, t.tally().returned());
        c.put(TICKET.REWORK_COUNT, t.tally().reworked());
        c.put(TICKET.REOPEN_COUNT, t.tally().reopened());
        c.put(TICKET.VERSION, t.version());
        c.put(TICKET.UPDATED_AT, odt(now));
        return c;
    }

    static Ticket toTicket(TicketRecord r, List<Whistle> whistles, List<ExtensionRequest> extensions,
                           List<CallbackRecord> callbacks) {
        Intake intake = new Intake(Channel.valueOf(r.getChannel()), r.getExternalId(), r.getSummary(), r.getGridCode(),
                instant(r.getReportedAt()));
        Deadline deadline = r.getDeadlineClass() == null ? null : new Deadline(r.getItemCode(),
                new DeadlinePolicy(DeadlineClass.valueOf(r.getDeadlineClass()), r.getDeadlineDays()), r.getConsultation(),
                instant(r.getOriginalDueAt()), instant(r.getDueAt()));
        Milestones milestones = new Milestones(instant(r.getAcceptedAt()), instant(r.getContactedAt()),
                instant(r.getAnsweredAt()), instant(r.getHandledAt()), instant(r.getVerifiedAt()),
                instant(r.getCalledBackAt()), instant(r.getClosedAt()));
        Tally tally = new Tally(r.getUrgeCount(), r.getReturnCount(), r.getReworkCount(), r.getReopenCount());
        List<String> watching = r.getWatchingUnits().isEmpty() ? List.of() : Arrays.asList(r.getWatchingUnits().split(","));
        return new Ticket(r.getId(), r.getCode(), intake, TicketState.valueOf(r.getState()), r.getOwnerUnit(),
                r.getAcceptingUnit(), watching, r.getAssignedTeam(), deadline, milestones, tally, whistles, extensions,
                callbacks, r.getMasterId(), r.getRoundNo(), r.getVersion());
    }

    static Whistle toWhistle(WhistleRecord r) {
        return new Whistle(r.getTeamUnit(), instant(r.getSummonedAt()), instant(r.getCheckInDue()),
                instant(r.getCheckedInAt()), r.getRoundNo());
    }

    static ExtensionRequest toExtension(ExtensionRequestRecord r) {
        return new ExtensionRequest(r.getRequestNo(), r.getRequestedBy(), r.getRequestingUnit(), instant(r.getRequestedAt()),
                r.getDays(), r.getReason(), ExtensionRequest.Status.valueOf(r.getStatus()), instant(r.getDecidedAt()),
                r.getDecidedBy(), r.getDecisionNote(), r.getCitizenInformed(), instant(r.getOldDueAt()),
                instant(r.getNewDueAt()));
    }

    static CallbackRecord toCallback(TicketCallbackRecord r) {
        return new CallbackRecord(instant(r.getCalledAt()), r.getActorId(), CallbackResult.valueOf(r.getResult()),
                r.getNotes(), r.getRoundNo());
    }
}
