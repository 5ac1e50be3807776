package org.griddesk.bench;

import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_AJ_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDataKeys;
import org.griddesk.testsupport.TestDatabases;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/// State transitions, each a full transaction with its event row, single writer.
///
/// `gridDesk`: TicketService (rules, jOOQ, JSON event details, the ticket row updated under its
/// version, the event appended). `jdbc`, the baseline: hand-written JDBC doing one versioned UPDATE
/// and one INSERT in one transaction, on the same tables. Both alternate dispatch and return on a
/// pool of tickets, so every operation is a real state change.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class TransitionBenchmark {
    private static final int POOL = 500;

    @Param({"H2", "POSTGRESQL"})
    public String store;

    private Path dir;
    private Database db;
    private TicketService service;
    private Ticket[] tickets;
    private long[] jdbcIds;
    private long[] jdbcVersions;
    private boolean[] jdbcDispatched;
    private int next;
    private int nextJdbc;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("griddesk-bench-transitions-");
        db = TestDataKeys.attach(Database.open(TestDatabases.freshSettings(DatabaseKind.valueOf(store), dir), ThreadGuard.NONE));
        db.migrate();
        service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
        tickets = new Ticket[POOL];
        jdbcIds = new long[POOL];
        jdbcVersions = new long[POOL];
        jdbcDispatched = new boolean[POOL];
        Instant now = Instant.now();
        for (int i = 0; i < POOL; i++) {
            Intake intake = new Intake(Channel.HOTLINE_8890, "bench-" + i, "占道经营，影响通行", "XSG-001-01", now);
            Ticket t = service.report(intake, "JN-XSG", HOTLINE).after();
            tickets[i] = service.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false),
                    XSG_DISPATCHER).after();
            Intake other = new Intake(Channel.HOTLINE_8890, "bench-jdbc-" + i, "占道经营，影响通行", "XSG-001-01", now);
            Ticket u = service.report(other, "JN-XSG", HOTLINE).after();
            u = service.execute(u, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
            jdbcIds[i] = u.id();
            jdbcVersions[i] = u.version();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    @Benchmark
    public Ticket gridDesk() {
        int i = next++ % POOL;
        Ticket t = tickets[i];
        TicketCommand command = t.state() == TicketState.DISPATCHED
                ? new TicketCommand.Return("不属本队职责") : new TicketCommand.Dispatch("JN-XSG-AJ");
        Ticket after = service.execute(t, command, t.state() == TicketState.DISPATCHED ? XSG_AJ_HANDLER : XSG_DISPATCHER).after();
        tickets[i] = after;
        return after;
    }

    @Benchmark
    public long jdbc() throws SQLException {
        int i = nextJdbc++ % POOL;
        boolean dispatching = !jdbcDispatched[i];
        long version = jdbcVersions[i];
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE ticket SET state = ?, assigned_team = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO ticket_event (ticket_id, ticket_version, round_no, event_type, actor_id, actor_name,"
                                 + " actor_role, actor_unit, occurred_at, from_state, to_state, reason, details)"
                                 + " VALUES (?, ?, 1, ?, ?, ?, ?, 'JN-XSG', ?, ?, ?, ?, ?)")) {
                update.setString(1, dispatching ? "DISPATCHED" : "RETURNED");
                update.setString(2, dispatching ? "JN-XSG-AJ" : null);
                update.setLong(3, version + 1);
                update.setObject(4, now);
                update.setLong(5, jdbcIds[i]);
                update.setLong(6, version);
                if (update.executeUpdate() != 1) {
                    c.rollback();
                    throw new IllegalStateException("stale");
                }
                insert.setLong(1, jdbcIds[i]);
                insert.setLong(2, version + 1);
                insert.setString(3, dispatching ? "Dispatched" : "Returned");
                insert.setString(4, dispatching ? "u-xsg-01" : "u-xsg-aj-1");
                insert.setString(5, dispatching ? "王调度" : "安监员");
                insert.setString(6, dispatching ? "DISPATCHER" : "HANDLER");
                insert.setObject(7, now);
                insert.setString(8, dispatching ? "ACCEPTED" : "DISPATCHED");
                insert.setString(9, dispatching ? "DISPATCHED" : "RETURNED");
                insert.setString(10, dispatching ? null : "不属本队职责");
                insert.setString(11, dispatching ? "{\"teamId\":\"JN-XSG-AJ\"}" : "{\"teamId\":\"JN-XSG-AJ\",\"reason\":\"不属本队职责\"}");
                insert.executeUpdate();
                c.commit();
            }
        }
        jdbcVersions[i] = version + 1;
        jdbcDispatched[i] = dispatching;
        return version;
    }
}
