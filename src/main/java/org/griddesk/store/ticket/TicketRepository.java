package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.feed.TrailReader;
import org.griddesk.store.jooq.tables.records.TicketEventRecord;
import org.griddesk.store.jooq.tables.records.TicketRecord;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.store.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// Reads tickets and their trails. Writing is [TicketService]'s alone.
public final class TicketRepository {
    private final DSLContext dsl;
    private final TicketEventCodec codec = new TicketEventCodec();

    public TicketRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Ticket> find(long id) {
        return load(dsl, dsl.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchOne());
    }

    public Optional<Ticket> findByCode(String code) {
        return load(dsl, dsl.selectFrom(TICKET).where(TICKET.CODE.eq(code)).fetchOne());
    }

    /// The ticket a channel's own number already made (a re-sent order finds it).
    public Optional<Ticket> findByExternal(Channel channel, String externalId) {
        return load(dsl, dsl.selectFrom(TICKET).where(TICKET.CHANNEL.eq(channel.name()), TICKET.EXTERNAL_ID.eq(externalId))
                .fetchOne());
    }

    public Ticket get(long id) {
        return find(id).orElseThrow(() -> new TicketNotFoundException("#" + id));
    }

    /// The whole trail of a ticket, oldest first. The trail keeps the caller masked: its report gets
    /// the caller back from the ticket's row (opened with this desk's key, else [Caller#UNREADABLE]).
    public List<RecordedEvent> trail(long ticketId) {
        List<RecordedEvent> trail = dsl.selectFrom(TICKET_EVENT)
                .where(TICKET_EVENT.TICKET_ID.eq(ticketId))
                .orderBy(TICKET_EVENT.TICKET_VERSION)
                .fetch(this::toEvent);
        if (!trail.isEmpty() && trail.getFirst().event() instanceof TicketEvent.Reported r && r.intake().caller() == null) {
            var row = dsl.select(TICKET.CALLER_NAME, TICKET.CALLER_PHONE).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchOne();
            Caller caller = row == null ? null : TicketRows.caller(PersonalDataVault.of(dsl), row.value1(), row.value2());
            if (caller != null) {
                RecordedEvent first = trail.getFirst();
                List<RecordedEvent> whole = new ArrayList<>(trail);
                whole.set(0, new RecordedEvent(first.seq(), first.ticketId(), first.ticketVersion(), first.round(),
                        first.actorId(), first.actorRole(), first.actorUnitId(), first.at(), first.fromState(), first.toState(),
                        new TicketEvent.Reported(TicketEventCodec.withCaller(r.intake(), caller), r.receivingUnitId())));
                return whole;
            }
        }
        return trail;
    }

    /// Every ticket's trail, oldest first, ticket by ticket in id order, read `ticketsPerRead` tickets
    /// at a time (so memory holds one slice, not the whole trail). The reports keep the caller masked:
    /// what reads all trails (the assessment's replay) counts, it does not reveal.
    public void forEachTrail(int ticketsPerRead, java.util.function.Consumer<List<RecordedEvent>> each) {
        Long top = dsl.select(DSL.max(TICKET_EVENT.TICKET_ID)).from(TICKET_EVENT).fetchOne(0, Long.class);
        for (long from = 0; top != null && from <= top; from += ticketsPerRead) {
            List<RecordedEvent> slice = dsl.selectFrom(TICKET_EVENT)
                    .where(TICKET_EVENT.TICKET_ID.ge(from), TICKET_EVENT.TICKET_ID.lt(from + ticketsPerRead))
                    .orderBy(TICKET_EVENT.TICKET_ID, TICKET_EVENT.TICKET_VERSION)
                    .fetch(this::toEvent);
            int start = 0;
            for (int i = 1; i <= slice.size(); i++) {
                if (i == slice.size() || slice.get(i).ticketId() != slice.get(start).ticketId()) {
                    each.accept(slice.subList(start, i));
                    start = i;
                }
            }
        }
    }

    /// Events after a position in the sequence, for catching up (the change feed builds on this).
    public List<RecordedEvent> eventsAfter(long seq, int limit) {
        return dsl.selectFrom(TICKET_EVENT)
                .where(TICKET_EVENT.SEQ.gt(seq))
                .orderBy(TICKET_EVENT.SEQ)
                .limit(limit)
                .fetch(this::toEvent);
    }

    /// How many requests this phone number has made since `since`: repeat callers, whom the desk
    /// flags beside a new call and the daily digest lists. Found by the phone's blind index (the
    /// phone itself is sealed); 0 on a desk without the data key.
    public int callsFrom(String phone, Instant since) {
        String index = phoneIndex(phone);
        return index == null ? 0
                : dsl.fetchCount(TICKET, TICKET.CALLER_PHONE_INDEX.eq(index).and(TICKET.REPORTED_AT.ge(TicketRows.odt(since))));
    }

    /// The tickets a phone called in, newest first, at most `limit`: the phone in any spelling
    /// (`138 0013 8000`, `+86 13800138000`), found by its blind index. Empty without the data key.
    public List<String> codesByPhone(String phone, int limit) {
        String index = phoneIndex(phone);
        return index == null ? List.of()
                : dsl.select(TICKET.CODE).from(TICKET).where(TICKET.CALLER_PHONE_INDEX.eq(index))
                        .orderBy(TICKET.REPORTED_AT.desc(), TICKET.ID.desc()).limit(limit).fetch(TICKET.CODE);
    }

    /// The blind index of a phone as this store's key makes it (what the duplicate check compares),
    /// or null without the key.
    public String phoneIndex(String phone) {
        return PersonalDataVault.of(dsl).phoneIndex(phone);
    }

    /// Open tickets per grid, and how many of them are overdue at `now`: being handled (accepted,
    /// dispatched, returned or in progress) past their deadline. Grids without open tickets are left out.
    public Map<String, GridLoad> openLoadByGrid(Instant now) {
        var open = TicketRows.open();
        var beingHandled = TICKET.STATE.in(Arrays.stream(TicketState.values()).filter(TicketState::isBeingHandled)
                .map(Enum::name).toList());
        var overdue = DSL.count().filterWhere(TICKET.DUE_AT.lt(TicketRows.odt(now)).and(beingHandled));
        Map<String, GridLoad> load = new HashMap<>();
        dsl.select(TICKET.GRID_CODE, DSL.count(), overdue).from(TICKET).where(open, TICKET.GRID_CODE.isNotNull())
                .groupBy(TICKET.GRID_CODE)
                .forEach(r -> load.put(r.value1(), new GridLoad(r.value2(), r.value3())));
        return load;
    }

    /// Every open ticket, briefly: what the map and the queue's counters need, in one query.
    public List<OpenTicket> openTickets() {
        return dsl.select(TICKET.ID, TICKET.CODE, TICKET.GRID_CODE, TICKET.CHANNEL, TICKET.STATE, TICKET.DEADLINE_CLASS,
                        TICKET.REPORTED_AT, TICKET.ACCEPTED_AT, TICKET.DUE_AT)
                .from(TICKET).where(TicketRows.open()).orderBy(TICKET.ID)
                .fetch(r -> new OpenTicket(r.value1(), r.value2(), r.value3(), r.value4(), TicketState.valueOf(r.value5()),
                        r.value6(), TicketRows.instant(r.value7()), TicketRows.instant(r.value8()), TicketRows.instant(r.value9())));
    }

    /// An open ticket in brief. `deadlineClass`, `acceptedAt` and `dueAt` are null until set.
    public record OpenTicket(long id, String code, String gridCode, String channel, TicketState state, String deadlineClass,
                             Instant reportedAt, Instant acceptedAt, Instant dueAt) {
    }

    /// Open and overdue tickets of one grid.
    public record GridLoad(int open, int overdue) {
    }

    /// A reader of every change committed from now on, each once (the change feed).
    public TrailReader follow(Clock clock) {
        return TrailReader.fromNow(dsl, clock);
    }

    /// The ids of the tickets a team works on now: dispatched to it and being handled, or with a
    /// whistle summoning it that it has not answered; oldest first.
    public List<Long> teamWork(String teamId) {
        var assigned = dsl.select(TICKET.ID).from(TICKET).where(TICKET.ASSIGNED_TEAM.eq(teamId),
                TICKET.STATE.in(TicketState.DISPATCHED.name(), TicketState.IN_PROGRESS.name()));
        var summoned = dsl.select(WHISTLE.TICKET_ID).from(WHISTLE).join(TICKET).on(TICKET.ID.eq(WHISTLE.TICKET_ID))
                .where(WHISTLE.TEAM_UNIT.eq(teamId), WHISTLE.CHECKED_IN_AT.isNull(), TicketRows.open());
        return dsl.selectDistinct(DSL.field("id", Long.class)).from(assigned.union(summoned).asTable("work", "id"))
                .orderBy(DSL.field("id")).fetch(r -> r.value1());
    }

    /// Whether the team was ever dispatched to or summoned for the ticket (what it may see of it).
    public boolean involves(long ticketId, String teamId) {
        return dsl.fetchExists(TICKET, TICKET.ID.eq(ticketId), TICKET.ASSIGNED_TEAM.eq(teamId))
                || dsl.fetchExists(WHISTLE, WHISTLE.TICKET_ID.eq(ticketId), WHISTLE.TEAM_UNIT.eq(teamId))
                || dsl.fetchExists(TICKET_EVENT, TICKET_EVENT.TICKET_ID.eq(ticketId), TICKET_EVENT.ACTOR_UNIT.eq(teamId));
    }

    /// Tickets changed since a seq: their ids, those of them that were only made (reported) since,
    /// the last seq read, and whether more remain.
    public record Changes(List<Long> ticketIds, List<Long> onlyReported, long lastSeq, boolean more) {
    }

    public int count() {
        return dsl.fetchCount(TICKET);
    }

    static Optional<Ticket> load(DSLContext dsl, TicketRecord row) {
        if (row == null) {
            return Optional.empty();
        }
        long id = row.getId();
        return Optional.of(TicketRows.toTicket(row,
                dsl.selectFrom(WHISTLE).where(WHISTLE.TICKET_ID.eq(id)).orderBy(WHISTLE.ID).fetch(TicketRows::toWhistle),
                dsl.selectFrom(EXTENSION_REQUEST).where(EXTENSION_REQUEST.TICKET_ID.eq(id))
                        .orderBy(EXTENSION_REQUEST.REQUEST_NO).fetch(TicketRows::toExtension),
                dsl.selectFrom(TICKET_CALLBACK).where(TICKET_CALLBACK.TICKET_ID.eq(id))
                        .orderBy(TICKET_CALLBACK.ID).fetch(TicketRows::toCallback), PersonalDataVault.of(dsl)));
    }

    private RecordedEvent toEvent(TicketEventRecord r) {
        return new RecordedEvent(r.getSeq(), r.getTicketId(), r.getTicketVersion(), r.getRoundNo(), r.getActorId(),
                Role.valueOf(r.getActorRole()), r.getActorUnit(), TicketRows.instant(r.getOccurredAt()),
                r.getFromState() == null ? null : TicketState.valueOf(r.getFromState()), TicketState.valueOf(r.getToState()),
                codec.decode(r.getEventType(), r.getDetails()));
    }
}
