package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.ticket.TicketRows.odt;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.Workstation;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.jooq.tables.records.TicketEventRecord;
import org.griddesk.store.security.AuditLog;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The only writer of tickets. Each change is one transaction: the ticket row updated under its
/// version (optimistic lock) and one event appended to the trail, plus the side-table row of that
/// event and, for the gateway, what it keeps with the ticket ([IntakeRepository]'s rows). A refusal
/// by the rules or a stale version writes nothing. Since every change appends an event, every
/// change reaches every desk through the change feed.
public final class TicketService {
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);
    private static final int MAX_REASON = 4000;
    /// a fold tries again on the ticket's new version when a desk changed it meanwhile, this often
    private static final int FOLD_ATTEMPTS = 5;

    private final DSLContext dsl;
    private final TicketLifecycle lifecycle;
    private final Clock clock;
    private final TicketEventCodec codec = new TicketEventCodec();
    private final TicketWriter writer;
    private final TicketSideTables sideTables;
    private final TicketCodes codes;
    private final TicketRepository repository;
    private final AuditLog audit;

    public TicketService(DSLContext dsl, TicketLifecycle lifecycle, Clock clock) {
        this.dsl = dsl;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.writer = new TicketWriter(dsl);
        this.sideTables = new TicketSideTables(dsl);
        this.codes = new TicketCodes(dsl);
        this.repository = new TicketRepository(dsl);
        this.audit = new AuditLog(dsl, clock, AuditRetention.fromSystemProperty());
    }

    /// A new request lands in a centre's queue: REPORTED, with a code `YYMM-NNNN` ([TicketCodes]).
    public Transition report(Intake intake, String receivingCentreId, Actor actor) {
        return report(intake, receivingCentreId, actor, (tx, ticketId) -> { });
    }

    /// A request through the gateway: reported as above and, in the same transaction, kept with how
    /// it was placed and the channel's hints (`detail`), its first video alarm (or null) and the
    /// open tickets it may repeat. All of it is stored, or nothing.
    public Transition report(Intake intake, String receivingCentreId, Actor actor, IntakeDetail detail, VideoAlarm alarm,
                             List<DuplicateSuggestion> duplicates) {
        return report(intake, receivingCentreId, actor, detail, alarm, duplicates, null);
    }

    /// As above, for a request sent through Open311: with the send (`submission`, or null) recorded
    /// first, so that when the same send made a ticket at the same moment the store refuses this one
    /// before anything else is written ([IntakeRepository#insertSubmission]).
    public Transition report(Intake intake, String receivingCentreId, Actor actor, IntakeDetail detail, VideoAlarm alarm,
                             List<DuplicateSuggestion> duplicates, Submission submission) {
        return report(intake, receivingCentreId, actor, (tx, ticketId) -> {
            if (submission != null) {
                IntakeRepository.insertSubmission(tx, ticketId, submission);
            }
            IntakeRepository.insertArrival(tx, ticketId, detail, alarm, duplicates);
        });
    }

    /// Inserts the ticket and its first event, then `alsoWrite` with the new ticket's id, in one transaction.
    private Transition report(Intake intake, String receivingCentreId, Actor actor, ObjLongConsumer<DSLContext> alsoWrite) {
        Instant now = clock.instant();
        Transition draft = lifecycle.report(0, "", intake, receivingCentreId, actor, now);
        TicketEvent.Reported reported = (TicketEvent.Reported) draft.event();
        // before the transaction, never inside it: a block's reservation takes a connection of its own
        String code = codes.next(now);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long id = tx.insertInto(TICKET)
                    .set(TicketRows.columns(TicketEvolution.start(0, code, reported), now, PersonalDataVault.of(dsl)))
                    .returningResult(TICKET.ID)
                    .fetchOne().value1();
            Transition created = new Transition(null, TicketEvolution.start(id, code, reported), reported, actor, now);
            tx.connection(c -> writer.insertEvent(c, eventValues(created)));
            alsoWrite.accept(tx, id);
            return created;
        });
    }

    /// Applies a command to the ticket as the caller last saw it. Throws [StaleTicketException] when
    /// someone else changed it since, and the rules' refusal when the command is not allowed.
    public Transition execute(Ticket current, TicketCommand command, Actor actor) {
        return execute(current, command, actor, null, t -> null);
    }

    /// As above, for a send the client may repeat (a team action with its `Idempotency-Key`): the
    /// send (`send`, or null) is recorded with its `answer` to the changed ticket in the same
    /// transaction, so that a repeat finds it ([IntakeRepository#submitted]) exactly when the change
    /// was stored. Two sends of one key at once: the store keeps one, the other fails.
    public Transition execute(Ticket current, TicketCommand command, Actor actor, Submission send,
                              Function<Ticket, String> answer) {
        return execute(current, command, actor, send, answer, tx -> { });
    }

    /// As above, with `alsoWrite` run in the ticket's transaction (a grid worker's check record with
    /// its photos, which the change must not be stored without).
    public Transition execute(Ticket current, TicketCommand command, Actor actor, Submission send,
                              Function<Ticket, String> answer, Consumer<DSLContext> alsoWrite) {
        Transition ruled;
        try {
            ruled = lifecycle.execute(current, command, actor, clock.instant());
        } catch (TransitionRefused refused) {
            if (refused.outOfBounds()) {
                // someone acting outside their role or unit (a handler on another team's ticket): audited
                audit.record(new AuditEntry(clock.instant(), actor.id(), actor.name(), Workstation.local(),
                        AuditAction.TICKET_ACTION_REFUSED, current.code(), AuditOutcome.REFUSED,
                        command.getClass().getSimpleName() + ": " + refused.key() + " " + refused.message(Locale.CHINA)));
            }
            throw refused;
        }
        // a handled report's files are stored with it, once by their content, or not at all
        return commit(current, ruled, tx -> {
            if (command instanceof TicketCommand.ReportHandled h && !h.attachments().isEmpty()) {
                AttachmentRepository.store(tx, h.attachments(), ruled.at());
            }
            if (send != null) {
                IntakeRepository.insertSubmission(tx, current.id(), send, answer.apply(ruled.after()));
            }
            alsoWrite.accept(tx);
        });
    }

    /// Loads the ticket, checks it is still at `expectedVersion`, then applies the command.
    public Transition execute(long ticketId, long expectedVersion, TicketCommand command, Actor actor) {
        Ticket current = repository.get(ticketId);
        if (current.version() != expectedVersion) {
            throw stale(dsl, ticketId, current.code(), expectedVersion);
        }
        return execute(current, command, actor);
    }

    /// Applies one command to several tickets, each as the caller last saw it, in ONE transaction that
    /// first runs `first` (the record the events refer to, e.g. a consultation's row), then each
    /// ticket's versioned update, event and side row: all of it is stored, or nothing. Every command
    /// is decided before anything is written, so a refusal (thrown as the rules' [TransitionRefused])
    /// or a stale version of any one ticket writes nothing at all.
    public List<Transition> executeTogether(List<Ticket> current, java.util.function.Function<Ticket, TicketCommand> command,
                                            Actor actor, Consumer<DSLContext> first) {
        Instant now = clock.instant();
        List<Transition> ruled = current.stream().map(t -> lifecycle.execute(t, command.apply(t), actor, now)).toList();
        dsl.connection(c -> {
            c.setAutoCommit(false);
            try {
                DSLContext tx = DSL.using(c, dsl.dialect(), dsl.settings());
                first.accept(tx);
                for (Transition t : ruled) {
                    write(c, tx, t.before(), t);
                }
                c.commit();
            } catch (RuntimeException | SQLException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
        return ruled;
    }

    /// Keeps a video alarm that repeats the one ticket `ticketId` was made for: an
    /// [TicketEvent.AlarmRepeated] event (the ticket's version moves on) and the alarm's own row with
    /// its snapshot, in one transaction, so that every desk hears of the repeat through its feed.
    /// An alarm does not depend on what the ticket says, so when a desk changed the ticket meanwhile
    /// the fold is decided again on the new version. Refused ([org.griddesk.domain.ticket.TransitionRefused])
    /// when the ticket is no longer open.
    public Transition foldAlarm(long ticketId, VideoAlarm alarm, Actor actor) {
        TicketCommand fold = new TicketCommand.FoldAlarm(alarm);
        for (int attempt = 1; ; attempt++) {
            Ticket current = repository.get(ticketId);
            try {
                return commit(current, lifecycle.execute(current, fold, actor, clock.instant()),
                        tx -> IntakeRepository.insertAlarm(tx, ticketId, alarm));
            } catch (StaleTicketException e) {
                if (attempt == FOLD_ATTEMPTS) {
                    throw e;
                }
                log.debug("alarm {} not folded into {} at version {} ({} changed it): trying again", alarm.alarmId(),
                        current.code(), current.version(), e.changedBy());
            }
        }
    }

    /// Stores a decided change in one plain JDBC transaction (cheaper than jOOQ's transaction API on
    /// the hottest path): the versioned update, the event, its side row, then `alsoWrite`.
    private Transition commit(Ticket current, Transition t, Consumer<DSLContext> alsoWrite) {
        Instant now = t.at();
        dsl.connection(c -> {
            c.setAutoCommit(false);
            try {
                DSLContext tx = DSL.using(c, dsl.dialect(), dsl.settings());
                write(c, tx, current, t);
                alsoWrite.accept(tx);
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

    /// The versioned update of one ticket, its event and its side row, on the open transaction.
    private void write(java.sql.Connection c, DSLContext tx, Ticket current, Transition t) throws SQLException {
        if (writer.update(c, TicketRows.changedColumns(current, t.after(), t.at(), PersonalDataVault.of(dsl)), current.id(),
                current.version()) != 1) {
            throw stale(tx, current.id(), current.code(), current.version());
        }
        writer.insertEvent(c, eventValues(t));
        sideTables.write(c, t);
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

    /// Why the ticket, seen at `expectedVersion`, may not be acted on: who changed it since, when
    /// and to what state (asked before anything is written, when the version read is already newer).
    public StaleTicketException staleSince(long ticketId, String code, long expectedVersion) {
        return stale(dsl, ticketId, code, expectedVersion);
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
