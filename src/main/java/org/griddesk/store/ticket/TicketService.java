package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.ticket.TicketRows.odt;

import java.time.Clock;
import java.time.Instant;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.store.jooq.tables.records.TicketEventRecord;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The only writer of tickets. Each change is one transaction: the ticket row updated under its
/// version (optimistic lock) and one event appended to the trail, plus the side-table row of that
/// event. A refusal by the rules or a stale version writes nothing.
public final class TicketService {
    private static final int MAX_REASON = 4000;

    private final DSLContext dsl;
    private final TicketLifecycle lifecycle;
    private final Clock clock;
    private final TicketEventCodec codec = new TicketEventCodec();
    private final TicketWriter writer;
    private final TicketSideTables sideTables;
    private final TicketCodes codes;

    public TicketService(DSLContext dsl, TicketLifecycle lifecycle, Clock clock) {
        this.dsl = dsl;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.writer = new TicketWriter(dsl);
        this.sideTables = new TicketSideTables(dsl);
        this.codes = new TicketCodes(dsl);
    }

    /// A new request lands in a centre's queue: REPORTED, with a code `YYMM-NNNN` ([TicketCodes]).
    public Transition report(Intake intake, String receivingCentreId, Actor actor) {
        return report(intake, receivingCentreId, actor, (tx, ticket) -> { });
    }

    /// Reports a request and, in the same transaction, writes what belongs with it
    /// (`alsoInTransaction`: the gateway's detail rows): all of it is stored, or nothing.
    public Transition report(Intake intake, String receivingCentreId, Actor actor,
                             java.util.function.BiConsumer<DSLContext, Ticket> alsoInTransaction) {
        Instant now = clock.instant();
        Transition draft = lifecycle.report(0, "", intake, receivingCentreId, actor, now);
        TicketEvent.Reported reported = (TicketEvent.Reported) draft.event();
        // before the transaction, never inside it: a block's reservation takes a connection of its own
        String code = codes.next(now);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = tx.insertInto(TICKET)
                    .set(TicketRows.columns(TicketEvolution.start(0, code, reported), now))
                    .returningResult(TICKET.ID)
                    .fetchOne().value1();
            Transition created = new Transition(null, TicketEvolution.start(id, code, reported), reported, actor, now);
            appendEvent(tx, created);
            alsoInTransaction.accept(tx, created.after());
            return created;
        });
    }

    /// Applies a command to the ticket as the caller last saw it. Throws [StaleTicketException] when
    /// someone else changed it since, and the rules' refusal when the command is not allowed.
    public Transition execute(Ticket current, TicketCommand command, Actor actor) {
        Instant now = clock.instant();
        Transition t = lifecycle.execute(current, command, actor, now);
        dsl.connection(c -> {
            // one plain JDBC transaction: cheaper than jOOQ's transaction API on the hottest path
            c.setAutoCommit(false);
            try {
                DSLContext tx = DSL.using(c, dsl.dialect(), dsl.settings());
                if (writer.update(c, TicketRows.changedColumns(current, t.after(), now), current.id(), current.version()) != 1) {
                    throw stale(tx, current.id(), current.code(), current.version());
                }
                writer.insertEvent(c, eventValues(t));
                sideTables.write(c, t);
                c.commit();
            } catch (RuntimeException | SQLException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
        return t;
    }

    /// Loads the ticket, checks it is still at `expectedVersion`, then applies the command.
    public Transition execute(long ticketId, long expectedVersion, TicketCommand command, Actor actor) {
        Ticket current = new TicketRepository(dsl).get(ticketId);
        if (current.version() != expectedVersion) {
            throw stale(dsl, ticketId, current.code(), expectedVersion);
        }
        return execute(current, command, actor);
    }

    private void appendEvent(DSLContext tx, Transition t) {
        tx.connection(c -> writer.insertEvent(c, eventValues(t)));
    }

    private Object[] eventValues(Transition t) {
        return eventValues(t, codec);
    }

    /// The trail row of a transition, aligned with [TicketWriter#EVENT_COLUMNS].
    static Object[] eventValues(Transition t, TicketEventCodec codec) {
        String reason = t.event().reasonText();
        return new Object[] {t.after().id(), t.after().version(), t.after().round(), codec.type(t.event()),
            t.actor().id(), t.actor().name(), t.actor().role().name(), t.actor().unit().id(), odt(t.at()),
            t.before() == null ? null : t.before().state().name(), t.after().state().name(),
            reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON),
            codec.encode(t.event())};
    }

    private static StaleTicketException stale(DSLContext tx, long ticketId, String code, long expectedVersion) {
        TicketEventRecord last = tx.selectFrom(TICKET_EVENT)
                .where(TICKET_EVENT.TICKET_ID.eq(ticketId))
                .orderBy(TICKET_EVENT.TICKET_VERSION.desc())
                .limit(1)
                .fetchOne();
        if (last == null) {
            return new StaleTicketException(code, expectedVersion, 0, "?", null, TicketState.REPORTED);
        }
        return new StaleTicketException(code, expectedVersion, last.getTicketVersion(), last.getActorName(),
                TicketRows.instant(last.getOccurredAt()), TicketState.valueOf(last.getToState()));
    }
}
