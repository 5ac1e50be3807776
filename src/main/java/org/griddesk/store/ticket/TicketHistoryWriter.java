package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.TICKET_CODE_COUNTER;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.sql.Connection;
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
import org.griddesk.domain.ticket.TicketCode;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.RowInsert;
import org.griddesk.store.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/// Writes many finished ticket histories at once (the demo district's two years): every ticket
/// row, every event of its trail and its side rows, with JDBC batches. The histories come from the
/// lifecycle engine, so each trail is one the rules allow; this writer only stores them faster than
/// one transaction per event could.
///
/// Tickets and their side rows are written in transactions of [#CHUNK] tickets; the trails of each
/// chunk follow on a second connection ([TrailChunkWriter]) as soon as the chunk has committed, so
/// the database stores tickets and events at the same time. One huge transaction would cost H2 a
/// third more (its commit walks every row again), and chunks let an interrupted run resume: it is
/// resumed by writing the same histories again; those stored with their trail are skipped, and a
/// ticket stored without its trail (the run stopped between the two commits) gets its trail.
public final class TicketHistoryWriter {
    /// tickets per transaction
    static final int CHUNK = 250;
    private static final int BATCH = 2000;

    /// One ticket as it stands now, and every transition that made it so (the first is the report).
    public record History(Ticket ticket, List<Transition> trail) {
    }

    /// A history turned into the values of its rows, ready to bind: made by [#rows(History)] on
    /// any thread, so that the thread holding the connection only sends them.
    public record Rows(History history, Object[] ticket, List<Object[]> events, List<Object[]> whistles,
                       List<Object[]> extensions, List<Object[]> callbacks) {
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

    /// As [#writeRows], turning each history into its rows on this thread.
    public long write(Iterator<History> histories, Consumer<History> beforeCommit) {
        return writeRows(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return histories.hasNext();
            }

            @Override
            public Rows next() {
                return rows(histories.next());
            }
        }, beforeCommit);
    }

    /// The values of every row a history writes. Safe to call from any thread.
    public Rows rows(History h) {
        Ticket t = h.ticket();
        List<Object[]> events = new ArrayList<>(h.trail().size());
        for (Transition step : h.trail()) {
            events.add(TicketService.eventValues(step, codec));
        }
        // the side rows as they stand at the end of the history, mapped as the desk's writes map them
        List<Object[]> whistles = new ArrayList<>(t.whistles().size());
        for (Whistle w : t.whistles()) {
            whistles.add(TicketSideRows.whistle(t.id(), w));
        }
        List<Object[]> extensions = new ArrayList<>(t.extensions().size());
        for (ExtensionRequest x : t.extensions()) {
            extensions.add(TicketSideRows.extension(t.id(), x));
        }
        List<Object[]> callbacks = new ArrayList<>(t.callbacks().size());
        for (CallbackRecord cb : t.callbacks()) {
            callbacks.add(TicketSideRows.callback(t.id(), cb));
        }
        return new Rows(h, ticketValues(t, db.personalData()), events, whistles, extensions, callbacks);
    }

    /// Stores histories, turned into rows, in id order with their own ticket ids and codes,
    /// [#CHUNK] whole tickets per transaction, their trails one chunk behind on a second
    /// connection. `beforeCommit` hears the last ticket of each transaction before it commits; it
    /// may wait, or throw to roll that transaction back and stop. Histories whose ticket and trail
    /// are stored are skipped; a stored ticket without its trail gets the trail. Returns the number
    /// of tickets written.
    public long writeRows(Iterator<Rows> histories, Consumer<History> beforeCommit) {
        DSLContext dsl = db.loadingDsl();
        Set<Long> stored = new HashSet<>(dsl.select(TICKET.ID).from(TICKET).fetch(TICKET.ID));
        Set<Long> trailed = stored.isEmpty() ? Set.of()
                : new HashSet<>(dsl.selectDistinct(TICKET_EVENT.TICKET_ID).from(TICKET_EVENT).fetch(TICKET_EVENT.TICKET_ID));
        Statements sql = new Statements(dsl);
        Map<String, Integer> lastNumberByMonth = new TreeMap<>();
        long[] counts = {0, stored.stream().mapToLong(Long::longValue).max().orElse(0)}; // written, largest id
        try (TrailChunkWriter trails = new TrailChunkWriter(db, sql.event(), BATCH)) {
            dsl.connection(c -> {
                c.setAutoCommit(false);
                try (Batch batch = new Batch(c, sql)) {
                    List<Object[]> events = new ArrayList<>();
                    int inChunk = 0;
                    History last = null;
                    while (histories.hasNext()) {
                        Rows rows = histories.next();
                        History h = rows.history();
                        Ticket t = h.ticket();
                        lastNumberByMonth.merge(TicketCode.monthOf(t.code()), TicketCode.numberOf(t.code()), Math::max);
                        counts[1] = Math.max(counts[1], t.id());
                        if (trailed.contains(t.id())) {
                            continue;
                        }
                        if (!stored.contains(t.id())) {
                            batch.add(rows);
                            counts[0]++;
                        }
                        events.addAll(rows.events());
                        last = h;
                        if (++inChunk == CHUNK) {
                            commitChunk(c, batch, beforeCommit, last);
                            trails.append(events);
                            events = new ArrayList<>();
                            inChunk = 0;
                        }
                    }
                    if (inChunk > 0) {
                        commitChunk(c, batch, beforeCommit, last);
                        trails.append(events);
                    }
                    continueCodesAndIds(c, DSL.using(c, dsl.dialect(), dsl.settings()), lastNumberByMonth, counts[1] + 1);
                } catch (SQLException | RuntimeException | Error e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            });
            trails.finish();
        }
        return counts[0];
    }

    /// New tickets continue after the history: each month's code counter at its last number, and
    /// the ticket identity at `nextId`.
    private void continueCodesAndIds(Connection c, DSLContext tx, Map<String, Integer> lastNumberByMonth, long nextId)
            throws SQLException {
        for (Map.Entry<String, Integer> e : lastNumberByMonth.entrySet()) {
            tx.insertInto(TICKET_CODE_COUNTER).set(TICKET_CODE_COUNTER.CODE_MONTH, e.getKey())
                    .set(TICKET_CODE_COUNTER.LAST_NUMBER, e.getValue())
                    .onConflict(TICKET_CODE_COUNTER.CODE_MONTH).doUpdate()
                    .set(TICKET_CODE_COUNTER.LAST_NUMBER, DSL.greatest(TICKET_CODE_COUNTER.LAST_NUMBER, DSL.val(e.getValue())))
                    .execute();
        }
        c.commit();
        restartTicketIds(c, nextId);
        c.commit();
    }

    private static void commitChunk(Connection c, Batch batch, Consumer<History> beforeCommit, History last) throws SQLException {
        batch.flush();
        beforeCommit.accept(last);
        c.commit();
    }

    /// The five inserts.
    private record Statements(RowInsert ticket, RowInsert event, RowInsert whistle, RowInsert extension, RowInsert callback) {
        Statements(DSLContext dsl) {
            this(RowInsert.into(dsl, TICKET, withId()), RowInsert.into(dsl, TICKET_EVENT, TicketWriter.EVENT_COLUMNS),
                    RowInsert.into(dsl, WHISTLE, TicketSideRows.WHISTLE_COLUMNS),
                    RowInsert.into(dsl, EXTENSION_REQUEST, TicketSideRows.EXTENSION_COLUMNS),
                    RowInsert.into(dsl, TICKET_CALLBACK, TicketSideRows.CALLBACK_COLUMNS));
        }
    }

    /// JDBC batches of the ticket and its side tables, sent every [#BATCH] rows.
    private static final class Batch implements AutoCloseable {
        private final RowInsert.Batch tickets;
        private final RowInsert.Batch whistles;
        private final RowInsert.Batch extensions;
        private final RowInsert.Batch callbacks;
        private int pending;

        Batch(Connection c, Statements sql) throws SQLException {
            tickets = sql.ticket().prepare(c);
            whistles = sql.whistle().prepare(c);
            extensions = sql.extension().prepare(c);
            callbacks = sql.callback().prepare(c);
        }

        void add(Rows rows) throws SQLException {
            tickets.add(rows.ticket());
            whistles.addAll(rows.whistles());
            extensions.addAll(rows.extensions());
            callbacks.addAll(rows.callbacks());
            pending += 1 + rows.whistles().size() + rows.extensions().size() + rows.callbacks().size();
            if (pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            for (RowInsert.Batch b : all()) {
                b.send();
            }
            pending = 0;
        }

        private List<RowInsert.Batch> all() {
            return List.of(tickets, whistles, extensions, callbacks);
        }

        @Override
        public void close() throws SQLException {
            for (RowInsert.Batch b : all()) {
                b.close();
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

    private static Object[] ticketValues(Ticket t, PersonalDataVault vault) {
        Object[] values = TicketRows.valuesOf(t, Instant.now(), vault);
        Object[] all = new Object[values.length + 1];
        all[0] = t.id();
        System.arraycopy(values, 0, all, 1, values.length);
        return all;
    }
}
