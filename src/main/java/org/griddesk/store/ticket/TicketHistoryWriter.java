package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.TICKET_CODE_COUNTER;
import static org.griddesk.store.jooq.Tables.WHISTLE;
import static org.griddesk.store.ticket.TicketRows.odt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.griddesk.domain.ticket.CallbackRecord;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/// Writes many finished ticket histories at once (the demo district's two years): every ticket
/// row, every event of its trail and its side rows, with JDBC batches. The histories come from the
/// lifecycle engine, so each trail is one the rules allow; this writer only stores them faster than
/// one transaction per event could.
///
/// Tickets are written whole in transactions of [#CHUNK] tickets: one huge transaction costs H2 a
/// third more (its commit walks every row again), and small ones let an interrupted run resume: it
/// is resumed by writing the same histories again, and those whose tickets are stored are skipped.
public final class TicketHistoryWriter {
    /// tickets per transaction
    static final int CHUNK = 250;
    private static final int BATCH = 2000;

    /// One ticket as it stands now, and every transition that made it so (the first is the report).
    public record History(Ticket ticket, List<Transition> trail) {
    }

    private final Database db;
    private final TicketEventCodec codec = new TicketEventCodec();

    public TicketHistoryWriter(Database db) {
        this.db = db;
    }

    /// Stores histories with their own ticket ids and codes, in one go.
    public void write(List<History> histories) {
        write(histories.iterator(), last -> {
        });
    }

    /// Stores histories in id order with their own ticket ids and codes, [#CHUNK] whole tickets per
    /// transaction. `beforeCommit` hears the last ticket of each transaction before it commits; it
    /// may wait, or throw to roll that transaction back and stop. Histories whose ticket is already
    /// stored are skipped. Returns the number of tickets written.
    public long write(Iterator<History> histories, Consumer<History> beforeCommit) {
        DSLContext dsl = db.dsl();
        Set<Long> stored = new HashSet<>(dsl.select(TICKET.ID).from(TICKET).fetch(TICKET.ID));
        Statements sql = new Statements(dsl);
        Map<String, Integer> lastNumberByMonth = new TreeMap<>();
        long[] counts = {0, stored.stream().mapToLong(Long::longValue).max().orElse(0)}; // written, largest id
        dsl.connection(c -> {
            c.setAutoCommit(false);
            try (Batch batch = new Batch(c, sql)) {
                int inChunk = 0;
                History last = null;
                while (histories.hasNext()) {
                    History h = histories.next();
                    Ticket t = h.ticket();
                    lastNumberByMonth.merge(t.code().substring(0, 4), Integer.parseInt(t.code().substring(5)), Math::max);
                    counts[1] = Math.max(counts[1], t.id());
                    if (stored.contains(t.id())) {
                        continue;
                    }
                    batch.add(h);
                    last = h;
                    counts[0]++;
                    if (++inChunk == CHUNK) {
                        batch.flush();
                        beforeCommit.accept(last);
                        c.commit();
                        inChunk = 0;
                    }
                }
                batch.flush();
                if (inChunk > 0) {
                    beforeCommit.accept(last);
                }
                DSLContext tx = DSL.using(c, dsl.dialect(), dsl.settings());
                for (Map.Entry<String, Integer> e : lastNumberByMonth.entrySet()) {
                    tx.insertInto(TICKET_CODE_COUNTER).set(TICKET_CODE_COUNTER.CODE_MONTH, e.getKey())
                            .set(TICKET_CODE_COUNTER.LAST_NUMBER, e.getValue())
                            .onConflict(TICKET_CODE_COUNTER.CODE_MONTH).doUpdate()
                            .set(TICKET_CODE_COUNTER.LAST_NUMBER, DSL.greatest(TICKET_CODE_COUNTER.LAST_NUMBER, DSL.val(e.getValue())))
                            .execute();
                }
                c.commit();
                restartTicketIds(c, counts[1] + 1);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
        return counts[0];
    }

    /// The insert statements, rendered once.
    private record Statements(String ticket, String event, String whistle, String extension, String callback) {
        Statements(DSLContext dsl) {
            this(dsl.render(dsl.insertInto(TICKET).columns(withId())
                            .values(withId().stream().map(f -> (Object) DSL.param(f.getName(), f.getDataType())).toList())),
                    new TicketWriter(dsl).insertEventSql(),
                    "INSERT INTO whistle (ticket_id, team_unit, round_no, summoned_at, check_in_due, checked_in_at) VALUES (?, ?, ?, ?, ?, ?)",
                    "INSERT INTO extension_request (ticket_id, request_no, requested_by, requesting_unit, requested_at, days,"
                            + " reason, status, decided_at, decided_by, decision_note, citizen_informed, old_due_at, new_due_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "INSERT INTO ticket_callback (ticket_id, round_no, called_at, actor_id, result, notes) VALUES (?, ?, ?, ?, ?, ?)");
        }
    }

    /// JDBC batches of the five tables, sent every [#BATCH] events.
    private final class Batch implements AutoCloseable {
        private final PreparedStatement tickets;
        private final PreparedStatement events;
        private final PreparedStatement whistles;
        private final PreparedStatement extensions;
        private final PreparedStatement callbacks;
        private int pending;

        Batch(Connection c, Statements sql) throws SQLException {
            tickets = c.prepareStatement(sql.ticket());
            events = c.prepareStatement(sql.event());
            whistles = c.prepareStatement(sql.whistle());
            extensions = c.prepareStatement(sql.extension());
            callbacks = c.prepareStatement(sql.callback());
        }

        void add(History h) throws SQLException {
            Ticket t = h.ticket();
            bindAll(tickets, withId(), ticketValues(t));
            tickets.addBatch();
            for (Transition step : h.trail()) {
                bindAll(events, TicketWriter.EVENT_COLUMNS, TicketService.eventValues(step, codec));
                events.addBatch();
                pending++;
            }
            for (Whistle w : t.whistles()) {
                bind(whistles, t.id(), w.teamId(), w.round(), odt(w.summonedAt()), odt(w.checkInDue()), odt(w.checkedInAt()));
                whistles.addBatch();
            }
            for (ExtensionRequest x : t.extensions()) {
                bind(extensions, t.id(), x.number(), x.requestedBy(), x.requestingUnit(), odt(x.requestedAt()), x.days(),
                        x.reason(), x.status().name(), odt(x.decidedAt()), x.decidedBy(), x.decisionNote(),
                        x.citizenInformed(), odt(x.oldDueAt()), odt(x.newDueAt()));
                extensions.addBatch();
            }
            for (CallbackRecord cb : t.callbacks()) {
                bind(callbacks, t.id(), cb.round(), odt(cb.at()), cb.actorId(), cb.result().name(), cb.notes());
                callbacks.addBatch();
            }
            if (pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            tickets.executeBatch();
            events.executeBatch();
            whistles.executeBatch();
            extensions.executeBatch();
            callbacks.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : List.of(tickets, events, whistles, extensions, callbacks)) {
                ps.close();
            }
        }
    }

    /// Tickets got their ids from the history: the identity must continue after the largest.
    private void restartTicketIds(Connection c, long next) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (db.kind() == DatabaseKind.H2) {
                s.execute("ALTER TABLE ticket ALTER COLUMN id RESTART WITH " + next);
            } else {
                s.execute("SELECT setval(pg_get_serial_sequence('ticket', 'id'), " + (next - 1) + ")");
            }
        }
    }

    private static List<Field<?>> withId() {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(TICKET.ID);
        fields.addAll(TicketRows.columnList());
        return fields;
    }

    private static Object[] ticketValues(Ticket t) {
        Object[] values = TicketRows.valuesOf(t, Instant.now());
        Object[] all = new Object[values.length + 1];
        all[0] = t.id();
        System.arraycopy(values, 0, all, 1, values.length);
        return all;
    }

    private static void bindAll(PreparedStatement ps, List<Field<?>> fields, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, fields.get(i).getDataType().getSQLType());
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }
}
