package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.jooq.Tables;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.Select;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueueRepositoryTest {
    @TempDir
    Path temp;

    @org.junit.jupiter.api.Test
    void openTicketsAndATeamsWorkAreFoundThroughTheStateIndex() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            var ticket = Tables.TICKET;
            String open = plan(db, db.dsl().select(ticket.ID, ticket.SUMMARY).from(ticket).where(TicketRows.open()));
            // a team's work: H2 took a team index when there was one, which holds every ticket the team ever had
            String teamWork = plan(db, db.dsl().select(ticket.ID).from(ticket).where(ticket.ASSIGNED_TEAM.eq("XSG-CG"),
                    ticket.STATE.in("DISPATCHED", "IN_PROGRESS")));

            assertThat(open).as(open).contains("IX_TICKET_STATE_DUE: STATE IN(").doesNotContain("tableScan");
            assertThat(teamWork).as(teamWork).contains("IX_TICKET_STATE_DUE: STATE IN(");
        }
    }

    private static String plan(Database db, Select<?> query) {
        return db.dsl().fetchOne("EXPLAIN " + db.dsl().renderInlined(query)).get(0, String.class);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theRowsOfSomeTicketsAreThoseStillOpenAmongThemAndNoOthers(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
            long a = service.report(hotlineRequest("8890-Q1", Instant.now()), "JN-XSG", HOTLINE).after().id();
            long b = service.report(hotlineRequest("8890-Q2", Instant.now()), "JN-XSG", HOTLINE).after().id();
            var c = service.report(hotlineRequest("8890-Q3", Instant.now()), "JN-XSG", HOTLINE).after();
            service.execute(c, new TicketCommand.RejectInvalid("重复来电，非本辖区事项"), XSG_DISPATCHER);
            QueueRepository queue = new QueueRepository(db.dsl());

            assertThat(queue.openTickets(List.of(a, c.id()))).extracting(QueueRepository.QueueRow::id)
                    .as("the rejected one has left the queue; b was not asked for").containsExactly(a);
            assertThat(queue.openTickets(List.of())).isEmpty();
            assertThat(queue.openTickets()).extracting(QueueRepository.QueueRow::id).containsExactly(a, b);
            assertThat(queue.openTickets(List.of(b))).first().isEqualTo(queue.openTickets().get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDrillDownReadsClosedTicketsTooInTheOrderAskedAcrossChunks(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
            long a = service.report(hotlineRequest("8890-D1", Instant.now()), "JN-XSG", HOTLINE).after().id();
            var closed = service.report(hotlineRequest("8890-D2", Instant.now()), "JN-XSG", HOTLINE).after();
            service.execute(closed, new TicketCommand.RejectInvalid("重复来电，非本辖区事项"), XSG_DISPATCHER);
            QueueRepository queue = new QueueRepository(db.dsl());
            // ids that name no ticket fill the first chunks: the real ones are read in a later chunk
            List<Long> asked = new java.util.ArrayList<>();
            for (long missing = 1_000_000; asked.size() < QueueRepository.CHUNK + 7; missing++) {
                asked.add(missing);
            }
            asked.add(closed.id());
            asked.add(a);
            asked.add(closed.id());

            List<QueueRepository.QueueRow> rows = queue.tickets(asked);

            assertThat(rows).extracting(QueueRepository.QueueRow::id).as("closed included, asked order, once each")
                    .containsExactly(closed.id(), a);
            assertThat(rows.getFirst().state()).isEqualTo(org.griddesk.domain.ticket.TicketState.REJECTED);
            assertThat(rows.get(1)).isEqualTo(queue.openTickets(List.of(a)).getFirst());
            assertThat(queue.tickets(List.of())).isEmpty();
        }
    }
}
