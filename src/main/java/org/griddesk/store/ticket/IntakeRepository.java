package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.DUPLICATE_SUGGESTION;
import static org.griddesk.store.jooq.Tables.INTAKE_DETAIL;
import static org.griddesk.store.jooq.Tables.REQUEST_SUBMISSION;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.VIDEO_ALARM;
import static org.griddesk.store.ticket.TicketRows.instant;
import static org.griddesk.store.ticket.TicketRows.odt;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.VideoAlarm;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// What the intake gateway keeps with a ticket: how it was placed and the channel's hints, the
/// duplicate suggestions made when it came in, and its video alarms (the first and the folded repeats).
///
/// Reads here; writes only inside a ticket's transaction that [TicketService] holds and hands in,
/// so a ticket and what the gateway keeps with it are stored together or not at all.
public final class IntakeRepository {
    /// An open ticket as the duplicate check compares it: where, when, what and from whom.
    /// `callerPhone` is the phone's blind index ([TicketRepository#phoneIndex]), never the number.
    /// `itemCode` is the accepted item, else the channel's hint; camera and alarm type are its first alarm's.
    public record OpenRequest(long id, String code, Instant reportedAt, Double lon, Double lat, String gridCode,
                              String itemCode, String callerPhone, String summary, String cameraCode, String alarmType) {
    }

    /// A ticket as Open311 shows a service request, without what the citizen said or where they are
    /// (their words, name, phone, address and point are never read for Open311): `itemCode` is the
    /// accepted item, else the hint; `gridCode` the grid it was placed in, or null.
    public record RequestRow(String code, TicketState state, String itemCode, String assignedTeam, String gridCode,
                             Instant reportedAt, Instant updatedAt, Instant dueAt) {
    }

    /// The ticket an earlier Open311 send made, and the digest of that send's content.
    /// @param answer what the send was answered (a team action's), or null
    public record Submitted(long ticketId, String contentDigest, String answer) {
    }

    private final DSLContext dsl;

    public IntakeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// Writes what the gateway keeps with a ticket it just made, in the transaction `tx` of its report
    /// ([TicketService]): how it was placed and the channel's hints, its first alarm (or null) and its
    /// duplicate suggestions.
    static void insertArrival(DSLContext tx, long ticketId, IntakeDetail detail, VideoAlarm alarm,
                              List<DuplicateSuggestion> suggestions) {
        if (alarm != null) {
            insertAlarm(tx, ticketId, alarm);
        }
        tx.insertInto(INTAKE_DETAIL).set(INTAKE_DETAIL.TICKET_ID, ticketId)
                .set(INTAKE_DETAIL.LOCATED_BY, detail.locatedBy() == null ? null : detail.locatedBy().name())
                .set(INTAKE_DETAIL.ITEM_HINT, detail.itemHint()).set(INTAKE_DETAIL.CATEGORY_HINT, detail.categoryHint())
                .set(INTAKE_DETAIL.URGENT, detail.urgent()).execute();
        for (DuplicateSuggestion s : suggestions) {
            tx.insertInto(DUPLICATE_SUGGESTION).set(DUPLICATE_SUGGESTION.TICKET_ID, ticketId)
                    .set(DUPLICATE_SUGGESTION.CANDIDATE_ID, s.candidateId()).set(DUPLICATE_SUGGESTION.SCORE, s.score())
                    .set(DUPLICATE_SUGGESTION.REASONS, s.reasonCodes()).execute();
        }
    }

    /// Writes an alarm's row, with its snapshot, in the transaction `tx` of the ticket it belongs to:
    /// the report of the ticket its first made, or the
    /// [org.griddesk.domain.ticket.TicketEvent.AlarmRepeated] event of a repeat.
    static void insertAlarm(DSLContext tx, long ticketId, VideoAlarm alarm) {
        tx.insertInto(VIDEO_ALARM).set(VIDEO_ALARM.TICKET_ID, ticketId).set(VIDEO_ALARM.ALARM_ID, alarm.alarmId())
                .set(VIDEO_ALARM.CAMERA_CODE, alarm.cameraCode()).set(VIDEO_ALARM.ALARM_TYPE, alarm.alarmType())
                .set(VIDEO_ALARM.CONFIDENCE, alarm.confidence()).set(VIDEO_ALARM.ALARM_AT, odt(alarm.alarmAt()))
                .set(VIDEO_ALARM.SNAPSHOT, alarm.snapshot()).execute();
    }

    /// The ticket an alarm with this id went to (made or folded into).
    public Optional<Long> ticketOfAlarm(String alarmId) {
        return dsl.select(VIDEO_ALARM.TICKET_ID).from(VIDEO_ALARM).where(VIDEO_ALARM.ALARM_ID.eq(alarmId))
                .fetchOptional(r -> r.value1());
    }

    /// The taxonomy item an alarm of this kind names (the administrator's mapping), if any.
    public Optional<String> alarmItem(String alarmType) {
        return new org.griddesk.store.district.AlarmItemRepository(dsl, java.time.Clock.systemUTC()).itemFor(alarmType);
    }

    /// The open ticket that the same camera raised the same alarm type for at or after `since`.
    public Optional<Long> openAlarmTicket(String cameraCode, String alarmType, Instant since) {
        return dsl.select(VIDEO_ALARM.TICKET_ID).from(VIDEO_ALARM).join(TICKET).on(TICKET.ID.eq(VIDEO_ALARM.TICKET_ID))
                .where(VIDEO_ALARM.CAMERA_CODE.eq(cameraCode), VIDEO_ALARM.ALARM_TYPE.eq(alarmType),
                        VIDEO_ALARM.ALARM_AT.ge(odt(since)), TicketRows.open())
                .orderBy(VIDEO_ALARM.ALARM_AT.desc()).limit(1).fetchOptional(r -> r.value1());
    }

    /// How many alarms were folded into the ticket after its first.
    public int repeats(long ticketId) {
        return Math.max(0, dsl.fetchCount(VIDEO_ALARM, VIDEO_ALARM.TICKET_ID.eq(ticketId)) - 1);
    }

    /// The alarms of a ticket, first first, with their snapshots.
    public List<VideoAlarm> alarms(long ticketId) {
        return dsl.selectFrom(VIDEO_ALARM).where(VIDEO_ALARM.TICKET_ID.eq(ticketId)).orderBy(VIDEO_ALARM.ALARM_AT, VIDEO_ALARM.ID)
                .fetch(r -> new VideoAlarm(r.getAlarmId(), r.getCameraCode(), r.getAlarmType(), r.getConfidence(),
                        instant(r.getAlarmAt()), r.getSnapshot()));
    }

    public Optional<IntakeDetail> detail(long ticketId) {
        return dsl.selectFrom(INTAKE_DETAIL).where(INTAKE_DETAIL.TICKET_ID.eq(ticketId)).fetchOptional(r -> new IntakeDetail(
                r.getLocatedBy() == null ? null : IntakeDetail.Locating.valueOf(r.getLocatedBy()), r.getItemHint(),
                r.getCategoryHint(), r.getUrgent()));
    }

    /// The suggestions made when the ticket came in, strongest first.
    public List<DuplicateSuggestion> suggestions(long ticketId) {
        return dsl.select(DUPLICATE_SUGGESTION.CANDIDATE_ID, TICKET.CODE, DUPLICATE_SUGGESTION.SCORE, DUPLICATE_SUGGESTION.REASONS)
                .from(DUPLICATE_SUGGESTION).join(TICKET).on(TICKET.ID.eq(DUPLICATE_SUGGESTION.CANDIDATE_ID))
                .where(DUPLICATE_SUGGESTION.TICKET_ID.eq(ticketId)).orderBy(DUPLICATE_SUGGESTION.SCORE.desc())
                .fetch(r -> new DuplicateSuggestion(r.value1(), r.value2(), r.value3(), DuplicateSuggestion.parseReasons(r.value4())));
    }

    /// Every open ticket, as the duplicate check compares them.
    public List<OpenRequest> openRequests() {
        return openRequests(TicketRows.open());
    }

    /// Those of `ids` that are open (the others have closed, merged or been rejected since).
    public List<OpenRequest> openRequests(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : openRequests(TicketRows.open().and(TICKET.ID.in(ids)));
    }

    private List<OpenRequest> openRequests(Condition where) {
        Map<Long, String[]> alarms = new HashMap<>();
        dsl.select(VIDEO_ALARM.TICKET_ID, VIDEO_ALARM.CAMERA_CODE, VIDEO_ALARM.ALARM_TYPE).from(VIDEO_ALARM)
                .join(TICKET).on(TICKET.ID.eq(VIDEO_ALARM.TICKET_ID))
                .where(where, TICKET.CHANNEL.eq(Channel.VIDEO.name()))
                .forEach(r -> alarms.putIfAbsent(r.value1(), new String[] {r.value2(), r.value3()}));
        return dsl.select(TICKET.ID, TICKET.CODE, TICKET.REPORTED_AT, TICKET.LON, TICKET.LAT, TICKET.GRID_CODE,
                        DSL.coalesce(TICKET.ITEM_CODE, INTAKE_DETAIL.ITEM_HINT), TICKET.CALLER_PHONE_INDEX, TICKET.SUMMARY)
                .from(TICKET).leftJoin(INTAKE_DETAIL).on(INTAKE_DETAIL.TICKET_ID.eq(TICKET.ID))
                .where(where)
                .fetch(r -> {
                    String[] alarm = alarms.get(r.value1());
                    return new OpenRequest(r.value1(), r.value2(), instant(r.value3()), r.value4(), r.value5(), r.value6(),
                            r.value7(), r.value8(), r.value9(), alarm == null ? null : alarm[0], alarm == null ? null : alarm[1]);
                });
    }

    /// Those of the requests of these codes that `channel` sent (the others are left out, whether
    /// another channel's or none), in the order asked.
    public List<RequestRow> requests(Channel channel, List<String> codes) {
        Map<String, RequestRow> found = new HashMap<>();
        requestRows(TICKET.CHANNEL.eq(channel.name()).and(TICKET.CODE.in(codes)), codes.size()).forEach(r -> found.put(r.code(), r));
        return codes.stream().distinct().filter(found::containsKey).map(found::get).toList();
    }

    /// The requests `channel` sent in [from, to), of one of the items when `itemCodes` is not empty,
    /// open or closed when `open` is not null; newest first, at most `limit`.
    public List<RequestRow> requests(Channel channel, Collection<String> itemCodes, Instant from, Instant to, Boolean open,
                                     int limit) {
        Condition where = TICKET.CHANNEL.eq(channel.name()).and(TICKET.REPORTED_AT.ge(odt(from))).and(TICKET.REPORTED_AT.lt(odt(to)));
        if (!itemCodes.isEmpty()) {
            where = where.and(DSL.coalesce(TICKET.ITEM_CODE, INTAKE_DETAIL.ITEM_HINT).in(itemCodes));
        }
        if (open != null) {
            where = where.and(open ? TicketRows.open() : DSL.not(TicketRows.open()));
        }
        return requestRows(where, limit);
    }

    /// The code of the ticket `channel` sent with this channel number (an Open311 token); another
    /// channel's number finds nothing.
    public Optional<String> codeOfExternal(Channel channel, String externalId) {
        return dsl.select(TICKET.CODE).from(TICKET).where(TICKET.CHANNEL.eq(channel.name()), TICKET.EXTERNAL_ID.eq(externalId))
                .fetchOptional(r -> r.value1());
    }

    /// The ticket an earlier send with the submission's sender and repeat key made, when that send
    /// came within the submission's window.
    public Optional<Submitted> submitted(Submission submission) {
        return dsl.select(REQUEST_SUBMISSION.TICKET_ID, REQUEST_SUBMISSION.CONTENT_DIGEST, REQUEST_SUBMISSION.ANSWER)
                .from(REQUEST_SUBMISSION)
                .where(REQUEST_SUBMISSION.SENDER.eq(submission.sender()), REQUEST_SUBMISSION.REPEAT_KEY.eq(submission.repeatKey()),
                        REQUEST_SUBMISSION.SENT_AT.ge(odt(submission.since())))
                // a grid worker's visit made no ticket: 0
                .fetchOptional(r -> new Submitted(r.value1() == null ? 0 : r.value1(), r.value2(), r.value3()));
    }

    /// Records a send in the transaction `tx` of the ticket it made: takes over the row of an earlier
    /// send of the same repeat key that is older than the window, else adds one. When a send within
    /// the window holds the key (the same request sent twice at once), the store refuses and the
    /// ticket's transaction fails with it: the caller then reads [#submitted] for that send's ticket.
    static void insertSubmission(DSLContext tx, long ticketId, Submission submission) {
        insertSubmission(tx, ticketId, submission, null);
    }

    /// As above, with what the send is answered (`answer`, or null), for its resends.
    static void insertSubmission(DSLContext tx, Long ticketId, Submission submission, String answer) {
        int takenOver = tx.update(REQUEST_SUBMISSION).set(REQUEST_SUBMISSION.TICKET_ID, ticketId).set(REQUEST_SUBMISSION.ANSWER, answer)
                .set(REQUEST_SUBMISSION.CONTENT_DIGEST, submission.contentDigest()).set(REQUEST_SUBMISSION.SENT_AT, odt(submission.at()))
                .where(REQUEST_SUBMISSION.SENDER.eq(submission.sender()), REQUEST_SUBMISSION.REPEAT_KEY.eq(submission.repeatKey()),
                        REQUEST_SUBMISSION.SENT_AT.lt(odt(submission.since())))
                .execute();
        if (takenOver == 0) {
            tx.insertInto(REQUEST_SUBMISSION).set(REQUEST_SUBMISSION.SENDER, submission.sender())
                    .set(REQUEST_SUBMISSION.REPEAT_KEY, submission.repeatKey())
                    .set(REQUEST_SUBMISSION.CONTENT_DIGEST, submission.contentDigest())
                    .set(REQUEST_SUBMISSION.TICKET_ID, ticketId).set(REQUEST_SUBMISSION.SENT_AT, odt(submission.at()))
                    .set(REQUEST_SUBMISSION.ANSWER, answer).execute();
        }
    }

    /// Records a grid worker's send (docs/api.md, the workers' app) in the transaction `tx` of what it
    /// made: a visit (no ticket, `ticketId` null) or a check of the ticket `ticketId`, with its answer.
    public static void recordSend(DSLContext tx, Long ticketId, Submission send, String answer) {
        insertSubmission(tx, ticketId, send, answer);
    }

    private List<RequestRow> requestRows(Condition where, int limit) {
        return dsl.select(TICKET.CODE, TICKET.STATE, DSL.coalesce(TICKET.ITEM_CODE, INTAKE_DETAIL.ITEM_HINT), TICKET.ASSIGNED_TEAM,
                        TICKET.GRID_CODE, TICKET.REPORTED_AT, TICKET.UPDATED_AT, TICKET.DUE_AT)
                .from(TICKET).leftJoin(INTAKE_DETAIL).on(INTAKE_DETAIL.TICKET_ID.eq(TICKET.ID))
                .where(where).orderBy(TICKET.REPORTED_AT.desc(), TICKET.ID.desc()).limit(limit)
                .fetch(r -> new RequestRow(r.value1(), TicketState.valueOf(r.value2()), r.value3(), r.value4(), r.value5(),
                        instant(r.value6()), instant(r.value7()), r.value8() == null ? null : instant(r.value8())));
    }
}
