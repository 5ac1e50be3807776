package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.jooq.Tables.WHISTLE;
import static org.griddesk.testsupport.LifecycleFixture.CGW_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The desk's writes, one event at a time, and the first start's bulk writer store a ticket's
/// whistles, extension requests and callbacks as the same rows: both take them from [TicketSideRows].
class TicketSideRowsTest {
    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-23T09:00"), Duration.ofMinutes(7));

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aHistoryWrittenEventByEventAndInBulkLeavesTheSameRows(DatabaseKind kind) {
        try (Database live = TestDatabases.freshMigrated(kind, temp.resolve("live"));
             Database bulk = TestDatabases.freshMigrated(kind, temp.resolve("bulk"))) {
            TicketService service = new TicketService(live.dsl(), LifecycleFixture.lifecycle(), clock);
            List<Transition> trail = new ArrayList<>();
            trail.add(service.report(hotlineRequest("8890-S", clock.now()), "JN-XSG", HOTLINE));
            Ticket t = trail.getLast().after();
            for (Step step : everySideRowKind()) {
                trail.add(service.execute(t, step.command(), step.actor()));
                t = trail.getLast().after();
            }
            assertThat(t.whistles()).anyMatch(w -> w.checkedInAt() == null).anyMatch(w -> w.checkedInAt() != null);
            assertThat(t.extensions()).hasSize(2);
            assertThat(t.callbacks()).hasSize(2);

            new TicketHistoryWriter(bulk).write(List.of(new TicketHistoryWriter.History(t, trail)));

            assertSameRows(live, bulk, WHISTLE, WHISTLE.ID);
            assertSameRows(live, bulk, EXTENSION_REQUEST, EXTENSION_REQUEST.ID);
            assertSameRows(live, bulk, TICKET_CALLBACK, TICKET_CALLBACK.ID);
            assertSameRows(live, bulk, TICKET_EVENT, TICKET_EVENT.SEQ);
            assertSameRows(live, bulk, TICKET, TICKET.UPDATED_AT);
        }
    }

    private record Step(TicketCommand command, Actor actor) {
    }

    /// Round a reopened loop with every event that writes a side row: a whistle answered by one of
    /// two departments, one extension refused and one approved, two callbacks.
    private static List<Step> everySideRowKind() {
        return List.of(
                new Step(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER),
                new Step(new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER),
                new Step(new TicketCommand.Sign(), XSG_CG_HANDLER),
                new Step(new TicketCommand.Whistle(List.of("JN-CGW", "JN-SWJ")), XSG_DISPATCHER),
                new Step(new TicketCommand.CheckIn(), CGW_HANDLER),
                new Step(new TicketCommand.RequestExtension(2, "需协调管线单位"), XSG_CG_HANDLER),
                new Step(new TicketCommand.RejectExtension("时限内可完成"), XSG_SUPERVISOR),
                new Step(new TicketCommand.RequestExtension(3, "管线单位排期"), XSG_CG_HANDLER),
                new Step(new TicketCommand.ApproveExtension(true, "已告知来电人"), XSG_SUPERVISOR),
                new Step(new TicketCommand.ReportHandled("已补装井盖", List.of()), XSG_CG_HANDLER),
                new Step(new TicketCommand.VerifyPass(null), XSG_DISPATCHER),
                new Step(new TicketCommand.CallBack(CallbackResult.DISSATISFIED, "井盖松动"), XSG_DISPATCHER),
                new Step(new TicketCommand.Reopen("返工"), XSG_DISPATCHER),
                new Step(new TicketCommand.ReportHandled("已加固", List.of()), XSG_CG_HANDLER),
                new Step(new TicketCommand.VerifyPass("复核"), XSG_DISPATCHER),
                new Step(new TicketCommand.CallBack(CallbackResult.SATISFIED, null), XSG_DISPATCHER));
    }

    /// Every row of `table` in both stores alike, leaving out `except` (a surrogate key or a write time).
    private static void assertSameRows(Database live, Database bulk, Table<?> table, Field<?> except) {
        List<List<Object>> written = rows(live, table, except);
        assertThat(written).as(table.getName()).isNotEmpty();
        assertThat(rows(bulk, table, except)).as(table.getName()).containsExactlyInAnyOrderElementsOf(written);
    }

    private static List<List<Object>> rows(Database db, Table<?> table, Field<?> except) {
        List<Field<?>> fields = Arrays.stream(table.fields()).filter(f -> !f.getName().equals(except.getName())).toList();
        return db.dsl().select(fields).from(table).fetch().stream().map(r -> Arrays.asList(r.intoArray())).toList();
    }
}
