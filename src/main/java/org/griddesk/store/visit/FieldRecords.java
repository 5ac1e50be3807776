package org.griddesk.store.visit;

import static org.griddesk.store.jooq.Tables.FIELD_CHECK;
import static org.griddesk.store.jooq.Tables.FIELD_PHOTO;
import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.WORKER_ACCOUNT;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.visit.FieldCheck;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.Submission;
import org.jooq.DSLContext;

/// The grid workers' side of the store: which grid an account's worker holds, the checks they made
/// on site, their photos, and the tickets of a grid waiting for a worker.
public final class FieldRecords {
    static final String VISIT = "VISIT";
    static final String CHECK = "CHECK";

    private final DSLContext dsl;

    public FieldRecords(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The grid worker (`grid_worker.id`) an account is, and the grid of their post.
    public record WorkerPost(String workerId, String gridCode) {
    }

    /// The post of the worker an account is linked to, when the worker holds a grid's post.
    public Optional<WorkerPost> postOf(String accountId) {
        return dsl.select(GRID_WORKER.ID, GRID_WORKER.GRID_CODE).from(WORKER_ACCOUNT)
                .join(GRID_WORKER).on(GRID_WORKER.ID.eq(WORKER_ACCOUNT.WORKER_ID))
                .where(WORKER_ACCOUNT.ACCOUNT_ID.eq(accountId), GRID_WORKER.GRID_CODE.isNotNull())
                .fetchOptional(r -> new WorkerPost(r.value1(), r.value2()));
    }

    /// Links an account to a grid worker, replacing an earlier link.
    public void link(String accountId, String workerId) {
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(WORKER_ACCOUNT).where(WORKER_ACCOUNT.ACCOUNT_ID.eq(accountId)).execute();
            tx.dsl().insertInto(WORKER_ACCOUNT).set(WORKER_ACCOUNT.ACCOUNT_ID, accountId).set(WORKER_ACCOUNT.WORKER_ID, workerId).execute();
        });
    }

    /// Links an account, in the transaction `tx`, to the worker of the first grid (by code) of the
    /// town or zone `areaCode`; nothing when it has none.
    public static void linkFirstOfArea(DSLContext tx, String accountId, String areaCode) {
        var community = REGION.as("fc");
        tx.select(GRID_WORKER.ID).from(GRID_WORKER).join(community).on(community.CODE.eq(GRID_WORKER.COMMUNITY_CODE))
                .where(community.PARENT_CODE.eq(areaCode), GRID_WORKER.GRID_CODE.isNotNull(), GRID_WORKER.IS_LEADER.isFalse())
                .orderBy(GRID_WORKER.GRID_CODE).limit(1).fetchOptional(r -> r.value1())
                .ifPresent(worker -> tx.insertInto(WORKER_ACCOUNT).set(WORKER_ACCOUNT.ACCOUNT_ID, accountId)
                        .set(WORKER_ACCOUNT.WORKER_ID, worker).execute());
    }

    /// Records a check with its photos in the transaction `tx`; returns its id.
    public static long record(DSLContext tx, FieldCheck check) {
        long id = tx.insertInto(FIELD_CHECK).set(FIELD_CHECK.CHECK_KIND, check.kind().name()).set(FIELD_CHECK.TICKET_ID, check.ticketId())
                .set(FIELD_CHECK.WORKER_ID, check.workerId()).set(FIELD_CHECK.ACCOUNT_ID, check.accountId())
                .set(FIELD_CHECK.OUTCOME, check.outcome()).set(FIELD_CHECK.LON, check.lon()).set(FIELD_CHECK.LAT, check.lat())
                .set(FIELD_CHECK.NOTE, check.note()).set(FIELD_CHECK.CHECKED_AT, VisitRepository.utc(check.at()))
                .set(FIELD_CHECK.APPLIED, check.applied())
                .returning(FIELD_CHECK.ID).fetchOne().getId();
        photos(tx, CHECK, id, check.photos());
        return id;
    }

    /// Records a check that does not move its ticket, with the app's send (or null) and its `answer`
    /// in one transaction.
    public void record(FieldCheck check, Submission send, Supplier<String> answer) {
        dsl.transaction(tx -> {
            record(tx.dsl(), check);
            if (send != null) {
                IntakeRepository.recordSend(tx.dsl(), check.ticketId(), send, answer.get());
            }
        });
    }

    static void photos(DSLContext tx, String kind, long id, List<Attachment> photos) {
        int seq = 0;
        for (Attachment photo : photos) {
            tx.insertInto(FIELD_PHOTO).set(FIELD_PHOTO.RECORD_KIND, kind).set(FIELD_PHOTO.RECORD_ID, id).set(FIELD_PHOTO.SEQ, ++seq)
                    .set(FIELD_PHOTO.FILE_NAME, photo.name()).set(FIELD_PHOTO.MEDIA_TYPE, photo.type().mediaType())
                    .set(FIELD_PHOTO.SHA256, photo.sha256()).set(FIELD_PHOTO.CONTENT, photo.content()).execute();
        }
    }

    /// The checks recorded for a ticket, oldest first (without their photos).
    public List<FieldCheck> checksOf(long ticketId) {
        return dsl.selectFrom(FIELD_CHECK).where(FIELD_CHECK.TICKET_ID.eq(ticketId)).orderBy(FIELD_CHECK.ID)
                .fetch(r -> new FieldCheck(FieldCheck.Kind.valueOf(r.getCheckKind()), r.getTicketId(), r.getWorkerId(), r.getAccountId(),
                        r.getOutcome(), r.getLon(), r.getLat(), r.getNote(), r.getCheckedAt().toInstant(), r.getApplied(), List.of()));
    }

    /// How many photos a visit or a check holds.
    public int photoCount(boolean ofVisit, long id) {
        return dsl.fetchCount(FIELD_PHOTO, FIELD_PHOTO.RECORD_KIND.eq(ofVisit ? VISIT : CHECK), FIELD_PHOTO.RECORD_ID.eq(id));
    }

    /// The ids of a grid's tickets in one of `states`, oldest first.
    public List<Long> ticketsOfGrid(String gridCode, Set<TicketState> states) {
        return dsl.select(TICKET.ID).from(TICKET)
                .where(TICKET.GRID_CODE.eq(gridCode), TICKET.STATE.in(states.stream().map(Enum::name).toList()))
                .orderBy(TICKET.ID).fetch(r -> r.value1());
    }
}
