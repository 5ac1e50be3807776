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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
/// row, every event of its trail and its side rows, with JDBC batches in one transaction. The
/// histories come from the lifecycle engine, so each trail is one the rules allow; this writer only
/// stores them faster than one transaction per event could.
public final class TicketHistoryWriter {
    private static final int BATCH = 2000;

    /// One ticket as it stands now, and every transition that made it so (the first is the report).
    public record History(Ticket ticket, List<Transition> trail) {
    }

    private final Database db;
    private final TicketEventCodec codec = new TicketEventCodec();

    public TicketHistoryWriter(Database db) {
        this.db = db;
    }

    /// Stores histories with their own ticket ids and codes; all or nothing.
    public void write(List<History> histories) {
        DSLContext dsl = db.dsl();
        String ticketSql = dsl.render(dsl.insertInto(TICKET).columns(withId())
                .values(withId().stream().map(f -> (Object) DSL.param(f.getName(), f.getDataType())).toList()));
        String eventSql = new TicketWriter(dsl).insertEventSql();
        String whistleSql = "INSERT INTO whistle (ticket_id, team_unit, round_no, summoned_at, check_in_due, checked_in_at) VALUES (?, ?, ?, ?, ?, ?)";
        String extensionSql = "INSERT INTO extension_request (ticket_id, request_no, requested_by, requesting_unit, requested_at, days,"
                + " reason, status, decided_at, decided_by, decision_note, citizen_informed, old_due_at, new_due_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String callbackSql = "INSERT INTO ticket_callback (ticket_id, round_no, called_at, actor_id, result, notes) VALUES (?, ?, ?, ?, ?, ?)";
        dsl.connection(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement tickets = c.prepareStatement(ticketSql);
                 PreparedStatement events = c.prepareStatement(eventSql);
                 PreparedStatement whistles = c.prepareStatement(whistleSql);
                 PreparedStatement extensions = c.prepareStatement(extensionSql);
                 PreparedStatement callbacks = c.prepareStatement(callbackSql)) {
                int pending = 0;
                Map<String, Integer> lastNumberByMonth = new TreeMap<>();
                long maxId = 0;
                for (History h : histories) {
                    Ticket t = h.ticket();
                    maxId = Math.max(maxId, t.id());
                    String month = t.code().substring(0, 4);
                    lastNumberByMonth.merge(month, Integer.parseInt(t.code().substring(5)), Math::max);
                    bindAll(tickets, withId(), ticketValues(t));
                    tickets.addBatch();
                    for (Transition step : h.trail()) {
                        bindAll(events, TicketWriter.EVENT_COLUMNS, eventRow(step));
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
                        tickets.executeBatch();
                        events.executeBatch();
                        whistles.executeBatch();
                        extensions.executeBatch();
                        callbacks.executeBatch();
                        pending = 0;
                    }
                }
                tickets.executeBatch();
                events.executeBatch();
                whistles.executeBatch();
                extensions.executeBatch();
                callbacks.executeBatch();
                DSLContext tx = DSL.using(c, dsl.dialect(), dsl.settings());
                for (Map.Entry<String, Integer> e : lastNumberByMonth.entrySet()) {
                    tx.insertInto(TICKET_CODE_COUNTER).set(TICKET_CODE_COUNTER.CODE_MONTH, e.getKey())
                            .set(TICKET_CODE_COUNTER.LAST_NUMBER, e.getValue()).execute();
                }
                restartTicketIds(c, maxId + 1);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
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
        List<Field<?>> fields = new java.util.ArrayList<>();
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

    private Object[] eventRow(Transition step) {
        return TicketService.eventValues(step, codec);
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
