package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.feed.TrailReader;
import org.griddesk.store.ticket.PersonalDataLog;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.store.view.SavedViewRepository;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Test;

/// The grants that ship for a centre's PostgreSQL (`db/grants/postgresql-roles.sql`,
/// docs/deploy-postgresql.md §2): a desk's login role, a member of `griddesk_desk`, does a desk's work
/// — opens the store, reports, accepts, dispatches, saves a view, records a reveal — and is refused
/// what no desk may do: rewrite the trail, delete tickets, change the schema.
class PostgresRolesTest {
    private static final AtomicInteger DESKS = new AtomicInteger();

    @Test
    void aDeskRoleDoesADesksWorkAndNothingMore() throws Exception {
        String url = EmbeddedPostgresServer.shared().createDatabase("griddesk_roles");
        try (Database owner = Database.open(new DatabaseSettings(url, "postgres", ""), ThreadGuard.NONE)) {
            owner.migrate();
        }
        String desk = "desk_test_" + DESKS.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(grants());
            s.execute("CREATE ROLE " + desk + " LOGIN IN ROLE griddesk_desk");
        }

        try (Database db = Database.open(new DatabaseSettings(url, desk, ""), ThreadGuard.NONE)) {
            db.migrate(); // nothing pending: the desk's check at start passes without schema rights
            var feed = TrailReader.fromNow(db.dsl(), Clock.systemUTC());
            new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).putIfAbsent(SystemProperty.INSTALLED_AT, "now");
            TicketService tickets = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
            Ticket t = tickets.report(hotlineRequest("8890-R1", Instant.now()), "JN-XSG", HOTLINE).after();
            t = tickets.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
            t = tickets.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER).after();
            assertThat(new TicketRepository(db.dsl()).get(t.id()).state()).isEqualTo(TicketState.DISPATCHED);
            var views = new SavedViewRepository(db.dsl(), Clock.systemUTC());
            views.save("DEMO-DISPATCHER-XSG", new SavedViewRepository.SavedView("待受理", "stage=WAITING"));
            views.delete("DEMO-DISPATCHER-XSG", "待受理");
            new PersonalDataLog(db.dsl(), Clock.systemUTC()).recordReveal(t.id(), XSG_DISPATCHER);
            assertThat(feed.next().changes()).as("the desk follows the change feed under its own role").hasSize(3);
            assertThat(feed.waitingFor()).isEmpty();
        }

        try (Connection c = DriverManager.getConnection(url, desk, ""); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE ticket_event SET reason = 'rewritten'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("DELETE FROM ticket")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("CREATE TABLE smuggled (i int)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("UPDATE org_unit SET name = 'x'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE ticket_event SET reason = 'rewritten'")).as("not even the owner")
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    private static String grants() throws IOException {
        try (InputStream in = PostgresRolesTest.class.getResourceAsStream("/db/grants/postgresql-roles.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
