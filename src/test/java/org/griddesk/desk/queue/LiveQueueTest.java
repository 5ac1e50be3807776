package org.griddesk.desk.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveQueueTest {
    @TempDir
    Path temp;

    @Test
    void aBatchReadsOnlyTheTicketsItNamesAndTheResultIsTheWholeQueueAsTheStoreHasIt() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
            DistrictRepository district = new DistrictRepository(db.dsl());
            TicketRepository tickets = new TicketRepository(db.dsl());
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
            var first = service.report(hotlineRequest("8890-L1", Instant.now()), "JN-XSG", HOTLINE).after();
            long second = service.report(hotlineRequest("8890-L2", Instant.now()), "JN-XSG", HOTLINE).after().id();
            var map = MapModelLoader.load(district, tickets, Instant.now()).orElseThrow();
            QueueLoader loader = new QueueLoader(new QueueRepository(db.dsl()), district.taxonomy(), map);
            LiveQueue queue = new LiveQueue(loader, loader.load(Instant.now()));

            long third = service.report(hotlineRequest("8890-L3", Instant.now()), "JN-XSG", HOTLINE).after().id();
            service.execute(first, new TicketCommand.RejectInvalid("非本辖区事项"), XSG_DISPATCHER);
            LiveQueue.Snapshot after = queue.changed(List.of(first.id(), third), Instant.now());

            assertThat(after.rows()).extracting(QueueItem::id).as("the rejected one gone, the new one in, oldest first")
                    .containsExactly(second, third);
            LiveQueue.Snapshot whole = queue.reloaded(Instant.now());
            assertThat(whole.rows()).extracting(QueueItem::id).isEqualTo(after.rows().stream().map(QueueItem::id).toList());
            assertThat(whole.version()).as("every copy is numbered, newer ones higher").isGreaterThan(after.version());
            assertThat(queue.changed(List.of(), Instant.now()).rows()).extracting(QueueItem::id).containsExactly(second, third);
        }
    }
}
