package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoHistoryGenerator;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketHistoryWriter;
import org.griddesk.store.ticket.TicketHistoryWriter.History;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenRequestsTest {
    @TempDir
    Path temp;

    @Test
    void aGatewayFarBehindReadsTheOpenTicketsWholeAndFollowsTheFeedFromThere() {
        DemoDistrictData district = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        Instant now = Instant.now();
        HandClock clock = new HandClock(now, Duration.ZERO);
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            AtomicInteger queries = new AtomicInteger();
            DSLContext counted = DSL.using(db.dsl().configuration().deriveAppending(
                    ExecuteListener.onExecuteStart(ctx -> queries.incrementAndGet())));
            OpenRequests open = new OpenRequests(new IntakeRepository(counted), new TicketRepository(counted), item -> null, clock);

            // a first start's history written after the gateway began: two months, about 55,000 changes
            List<History> histories = new DemoHistoryGenerator(district, 9).generate(60, now);
            new TicketHistoryWriter(db).write(histories);
            clock.advance(OpenRequests.CATCH_UP_EVERY);
            queries.set(0);
            DuplicateCheck check = open.check();

            assertThat(queries.get()).as("one read of the feed, a jump to its end and the open tickets whole (14 queries); "
                    + "replaying every change reads back some 6,000 tickets (34)").isLessThan(20);
            for (History h : histories) {
                assertThat(check.contains(h.ticket().id())).as(h.ticket().code() + " " + h.ticket().state())
                        .isEqualTo(!h.ticket().state().isTerminal());
            }

            TicketLifecycle lifecycle = new TicketLifecycle(WorkCalendar.builtIn(), district.organisation(), LifecycleRules.DEFAULT);
            Actor otherDesk = new Actor("ch", "8890", Role.CHANNEL, district.organisation().unit("XSG").orElseThrow());
            Ticket later = new TicketService(db.dsl(), lifecycle, clock)
                    .report(new Intake(Channel.HOTLINE_8890, "after-first-start", "路灯不亮", null, now), "XSG", otherDesk).after();
            clock.advance(OpenRequests.CATCH_UP_EVERY);
            assertThat(open.check().contains(later.id())).as("a ticket made after the jump comes from the feed").isTrue();
        }
    }
}
