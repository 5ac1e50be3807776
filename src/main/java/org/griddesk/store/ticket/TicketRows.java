package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.griddesk.domain.ticket.CallbackRecord;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Deadline;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Milestones;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.PlaceReview;
import org.griddesk.domain.ticket.Tally;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Transfer;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.security.Opened;
import org.griddesk.security.PersonalField;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.jooq.tables.records.ExtensionRequestRecord;
import org.griddesk.store.jooq.tables.records.TicketCallbackRecord;
import org.griddesk.store.jooq.tables.records.TicketRecord;
import org.griddesk.store.jooq.tables.records.WhistleRecord;
import org.jooq.Condition;
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

    /// The ticket row's columns, in the order [#values] fills them.
    private static final List<String> OPEN_STATES = Arrays.stream(TicketState.values()).filter(s -> !s.isTerminal())
            .map(Enum::name).toList();

    /// Tickets not at an end (closed, merged, rejected). Written as the list of open states: an
    /// index on the state serves `IN`, where `NOT IN` had every queue refresh read all the tickets
    /// of two years (75,000 rows, 26,000 pages) to find the 600 open ones.
    static Condition open() {
        return TICKET.STATE.in(OPEN_STATES);
    }

    private static final Field<?>[] COLUMNS = {
        TICKET.CODE, TICKET.CHANNEL, TICKET.EXTERNAL_ID, TICKET.SUMMARY, TICKET.GRID_CODE, TICKET.STATE,
        TICKET.OWNER_UNIT, TICKET.ACCEPTING_UNIT, TICKET.WATCHING_UNITS, TICKET.ASSIGNED_TEAM, TICKET.ITEM_CODE,
        TICKET.DEADLINE_CLASS, TICKET.DEADLINE_DAYS, TICKET.CONSULTATION, TICKET.REPORTED_AT, TICKET.ACCEPTED_AT,
        TICKET.CONTACTED_AT, TICKET.ANSWERED_AT, TICKET.HANDLED_AT, TICKET.VERIFIED_AT, TICKET.CALLED_BACK_AT,
        TICKET.CLOSED_AT, TICKET.ORIGINAL_DUE_AT, TICKET.DUE_AT, TICKET.MASTER_ID, TICKET.ROUND_NO, TICKET.URGE_COUNT,
        TICKET.RETURN_COUNT, TICKET.REWORK_COUNT, TICKET.REOPEN_COUNT, TICKET.CALLER_NAME, TICKET.CALLER_PHONE, TICKET.CALLER_PHONE_INDEX,
        TICKET.CALLER_NAME_INDEX, TICKET.CALLER_KEY_ID, TICKET.ADDRESS, TICKET.LON, TICKET.LAT, TICKET.PHOTO_REFS, TICKET.TRANSFER_FROM, TICKET.TRANSFER_TO,
        TICKET.TRANSFER_REASON, TICKET.TRANSFER_AT, TICKET.TRANSFER_REFUSAL, TICKET.PLACE_REVIEW, TICKET.PLACE_REVIEW_GRID, TICKET.VERSION,
        TICKET.UPDATED_AT};
    private static final int VERSION_AND_TIME = COLUMNS.length - 2;
    private static final int CALLER_NAME = List.of(COLUMNS).indexOf(TICKET.CALLER_NAME);
    private static final int CALLER_PHONE = List.of(COLUMNS).indexOf(TICKET.CALLER_PHONE);

    /// Every column's value as the ticket says, aligned with [#COLUMNS]; the caller still in clear
    /// (compared before an update), with its phone's blind index and the id of the key it will be sealed with.
    private static Object[] values(Ticket t, Instant now, PersonalDataVault vault) {
        Deadline d = t.deadline();
        Milestones m = t.milestones();
        Caller caller = t.intake().caller();
        Place place = t.intake().place();
        Transfer tr = t.transfer();
        return new Object[] {
            t.code(), t.intake().channel().name(), t.intake().externalId(), t.intake().summary(), t.intake().gridCode(),
            t.state().name(), t.ownerUnitId(), t.acceptingUnitId(), String.join(",", t.watchingUnitIds()),
            t.assignedTeamId(), d == null ? null : d.itemCode(), d == null ? null : d.policy().deadlineClass().name(),
            d == null ? null : d.policy().workingDays(), d != null && d.consultation(), odt(t.intake().reportedAt()),
            odt(m.acceptedAt()), odt(m.contactedAt()), odt(m.answeredAt()), odt(m.handledAt()), odt(m.verifiedAt()),
            odt(m.calledBackAt()), odt(m.closedAt()), d == null ? null : odt(d.originalDueAt()),
            d == null ? null : odt(d.dueAt()), t.masterId(), t.round(), t.tally().urged(), t.tally().returned(),
            t.tally().reworked(), t.tally().reopened(), caller == null ? null : caller.name(),
            caller == null ? null : caller.phone(), caller == null ? null : vault.phoneIndex(caller.phone()),
            caller == null || !caller.readable() ? null : vault.nameIndex(caller.name()), caller == null ? null : vault.currentKeyId(), place == null ? null : place.address(), place == null ? null : place.lon(),
            place == null ? null : place.lat(), t.intake().photos().isEmpty() ? null : String.join("\n", t.intake().photos()),
            tr == null ? null : tr.fromUnitId(), tr == null ? null : tr.toUnitId(), tr == null ? null : tr.reason(),
            tr == null ? null : odt(tr.at()), tr == null ? null : tr.refusal(),
            t.placeReview() == null ? null : t.placeReview().reason().name(),
            t.placeReview() == null ? null : t.placeReview().suggestedGrid(), t.version(), odt(now)};
    }

    static List<Field<?>> columnList() {
        return List.of(COLUMNS);
    }

    /// Every column's value as stored: the caller sealed.
    static Object[] valuesOf(Ticket t, Instant now, PersonalDataVault vault) {
        Object[] values = values(t, now, vault);
        values[CALLER_NAME] = sealed(vault, PersonalField.CALLER_NAME, t, values[CALLER_NAME]);
        values[CALLER_PHONE] = sealed(vault, PersonalField.CALLER_PHONE, t, values[CALLER_PHONE]);
        return values;
    }

    private static String sealed(PersonalDataVault vault, PersonalField field, Ticket t, Object text) {
        if (text == null) {
            return null;
        }
        if (!t.intake().caller().readable()) {
            // read without the key: nothing to seal, and nothing must overwrite what is sealed
            throw new PersonalDataVault.NoDataKeyException();
        }
        return vault.seal(field, (String) text);
    }

    /// Every column, for the insert of a new ticket.
    static Map<Field<?>, Object> columns(Ticket t, Instant now, PersonalDataVault vault) {
        Object[] values = valuesOf(t, now, vault);
        Map<Field<?>, Object> c = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            c.put(COLUMNS[i], values[i]);
        }
        return c;
    }

    /// Only the columns an event changed, plus the version and the time of the change: a short
    /// UPDATE is cheaper to render, send and execute.
    /// The caller is compared in clear and sealed only when it changed (a ticket read without the
    /// key keeps its sealed caller: [Caller#UNREADABLE] equals itself).
    static Map<Field<?>, Object> changedColumns(Ticket before, Ticket after, Instant now, PersonalDataVault vault) {
        Object[] old = values(before, now, vault);
        Object[] changed = values(after, now, vault);
        boolean callerChanged = !Objects.equals(before.intake().caller(), after.intake().caller());
        Map<Field<?>, Object> c = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.length; i++) {
            boolean ofCaller = i == CALLER_NAME || i == CALLER_PHONE || COLUMNS[i] == TICKET.CALLER_PHONE_INDEX
                    || COLUMNS[i] == TICKET.CALLER_NAME_INDEX || COLUMNS[i] == TICKET.CALLER_KEY_ID;
            if (ofCaller ? callerChanged : i >= VERSION_AND_TIME || !Objects.equals(old[i], changed[i])) {
                c.put(COLUMNS[i], i == CALLER_NAME || i == CALLER_PHONE
                        ? sealed(vault, i == CALLER_NAME ? PersonalField.CALLER_NAME : PersonalField.CALLER_PHONE, after, changed[i])
                        : changed[i]);
            }
        }
        return c;
    }

    /// The caller of a row: null when none, [Caller#UNREADABLE] when it is sealed with a key this
    /// desk does not hold (or does not open).
    static Caller caller(PersonalDataVault vault, String name, String phone) {
        Opened openedPhone = vault.open(PersonalField.CALLER_PHONE, phone);
        Opened openedName = vault.open(PersonalField.CALLER_NAME, name);
        if (openedPhone instanceof Opened.Absent) {
            return null;
        }
        if (!openedPhone.readable() || !openedName.readable()) {
            return Caller.UNREADABLE;
        }
        return new Caller(openedName.textOrNull(), openedPhone.textOrNull());
    }

    static Ticket toTicket(TicketRecord r, List<Whistle> whistles, List<ExtensionRequest> extensions,
                           List<CallbackRecord> callbacks, PersonalDataVault vault) {
        Intake intake = new Intake(Channel.valueOf(r.getChannel()), r.getExternalId(), r.getSummary(), r.getGridCode(),
                instant(r.getReportedAt()), caller(vault, r.getCallerName(), r.getCallerPhone()),
                r.getAddress() == null && r.getLon() == null ? null : new Place(r.getAddress(), r.getLon(), r.getLat()),
                r.getPhotoRefs() == null ? List.of() : List.of(r.getPhotoRefs().split("\n")));
        Deadline deadline = r.getDeadlineClass() == null ? null : new Deadline(r.getItemCode(),
                new DeadlinePolicy(DeadlineClass.valueOf(r.getDeadlineClass()), r.getDeadlineDays()), r.getConsultation(),
                instant(r.getOriginalDueAt()), instant(r.getDueAt()));
        Milestones milestones = new Milestones(instant(r.getAcceptedAt()), instant(r.getContactedAt()),
                instant(r.getAnsweredAt()), instant(r.getHandledAt()), instant(r.getVerifiedAt()),
                instant(r.getCalledBackAt()), instant(r.getClosedAt()));
        Tally tally = new Tally(r.getUrgeCount(), r.getReturnCount(), r.getReworkCount(), r.getReopenCount());
        List<String> watching = r.getWatchingUnits().isEmpty() ? List.of() : Arrays.asList(r.getWatchingUnits().split(","));
        Transfer transfer = r.getTransferTo() == null ? null : new Transfer(r.getTransferFrom(), r.getTransferTo(),
                r.getTransferReason(), instant(r.getTransferAt()), r.getTransferRefusal());
        return new Ticket(r.getId(), r.getCode(), intake, TicketState.valueOf(r.getState()), r.getOwnerUnit(),
                r.getAcceptingUnit(), watching, r.getAssignedTeam(), deadline, milestones, tally, whistles, extensions,
                callbacks, r.getMasterId(), transfer, r.getPlaceReview() == null ? null
                        : new PlaceReview(PlaceReview.Reason.valueOf(r.getPlaceReview()), r.getPlaceReviewGrid()),
                r.getRoundNo(), r.getVersion());
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
