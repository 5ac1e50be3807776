package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.GG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.JN_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.Transfer;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.feed.Change;
import org.griddesk.store.feed.TrailReader;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// 定位, 移交 and 报请市级 through the store: each step one versioned write and one trail event (so
/// every desk hears it on the change feed), the ticket read back equal to the one decided, the
/// queue's rows carrying the hand-over, and the trail's new events read back as written.
class TicketTransferStoreTest {
    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-23T09:00"), Duration.ofMinutes(7));

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void placingTransferRefusalAcceptanceAndReferralAreStoredAndReachTheFeed(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            TicketRepository repo = new TicketRepository(db.dsl());
            QueueRepository queue = new QueueRepository(db.dsl());
            Intake unplaced = new Intake(Channel.HOTLINE_8890, "8890-T1", "路灯不亮，来电人说不清位置", null, clock.now());
            Ticket t = service.report(unplaced, "JN", HOTLINE).after();
            TrailReader feed = TrailReader.fromNow(db.dsl(), new HandClock(Instant.now(), Duration.ZERO));

            t = service.execute(t, new TicketCommand.PlaceOnGrid("XSG-012-03", "JN-XSG"), JN_DISPATCHER).after();
            assertThat(repo.get(t.id())).isEqualTo(t);
            assertThat(t.ownerUnitId()).isEqualTo("JN-XSG");
            assertThat(queue.openTickets(List.of(t.id()))).singleElement().satisfies(r -> {
                assertThat(r.gridCode()).isEqualTo("XSG-012-03");
                assertThat(r.ownerUnitId()).isEqualTo("JN-XSG");
                assertThat(r.transfer()).isNull();
            });

            t = service.execute(t, new TicketCommand.Transfer("JN-GG", "属葛沽镇管辖"), XSG_DISPATCHER).after();
            assertThat(repo.get(t.id())).isEqualTo(t);
            assertThat(queue.openTickets(List.of(t.id()))).singleElement().satisfies(r -> {
                assertThat(r.ownerUnitId()).isEqualTo("JN-XSG");
                assertThat(r.transfer()).extracting(Transfer::toUnitId, Transfer::reason, Transfer::refusal)
                        .containsExactly("JN-GG", "属葛沽镇管辖", null);
            });

            t = service.execute(t, new TicketCommand.RefuseTransfer("该路段由咸水沽镇养护"), GG_SUPERVISOR).after();
            assertThat(repo.get(t.id())).isEqualTo(t);
            assertThat(repo.get(t.id()).transfer().refusal()).isEqualTo("该路段由咸水沽镇养护");
            assertThat(queue.openTickets(List.of(t.id())).getFirst().transfer().isPending()).isFalse();

            t = service.execute(t, new TicketCommand.Transfer("JN-GG", "复核后确属葛沽镇"), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.AcceptTransfer("同意接收"), GG_DISPATCHER).after();
            assertThat(repo.get(t.id())).isEqualTo(t);
            assertThat(t.ownerUnitId()).isEqualTo("JN-GG");
            assertThat(queue.openTickets(List.of(t.id())).getFirst().transfer()).isNull();

            t = service.execute(t, new TicketCommand.Transfer("JN-XSG", "试送回"), GG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.RefuseTransfer("不收"), XSG_DISPATCHER).after();

            var trail = repo.trail(t.id());
            assertThat(trail).extracting(e -> e.event().getClass().getSimpleName()).containsExactly("Reported", "Placed",
                    "TransferRequested", "TransferRefused", "TransferRequested", "TransferAccepted", "TransferRequested",
                    "TransferRefused");
            assertThat(trail.get(3).event().reasonText()).isEqualTo("该路段由咸水沽镇养护");
            assertThat(TicketEvolution.replay(t.id(), t.code(), trail))
                    .isEqualTo(repo.get(t.id()));
            List<Change> heard = feed.next().changes();
            assertThat(heard).extracting(Change::eventType).containsExactly("Placed", "TransferRequested", "TransferRefused",
                    "TransferRequested", "TransferAccepted", "TransferRequested", "TransferRefused");
            assertThat(heard).extracting(Change::ticketId).containsOnly(t.id());
        }
    }

    @Test
    void aReferralToTheCityIsStoredWithItsReferenceAndChangesNothingElse() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            TicketRepository repo = new TicketRepository(db.dsl());
            Ticket t = service.report(new Intake(Channel.HOTLINE_8890, "8890-T2", "跨区供水管网漏水", null, clock.now()), "JN", HOTLINE)
                    .after();
            t = service.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), JN_DISPATCHER).after();

            Ticket referred = service.execute(t, new TicketCommand.ReferToCity("需市级协调供水集团", "SJ-2026-000118"), JN_SUPERVISOR)
                    .after();

            assertThat(repo.get(t.id())).isEqualTo(referred);
            assertThat(referred.state()).isEqualTo(t.state());
            assertThat(referred.ownerUnitId()).isEqualTo("JN");
            var last = repo.trail(t.id()).getLast();
            assertThat(last.event()).isEqualTo(new TicketEvent.ReferredToCity("需市级协调供水集团", "SJ-2026-000118"));
            assertThat(last.event().reasonText()).isEqualTo("需市级协调供水集团");
        }
    }

    @Test
    void everyNewEventReadsBackFromTheTrailAsWritten() {
        TicketEventCodec codec = new TicketEventCodec();
        List<TicketEvent> events = List.of(new TicketEvent.Placed("XSG-012-03", null, "JN", "JN-XSG"),
                new TicketEvent.Placed("XSG-012-04", "XSG-012-03", "JN-XSG", "JN-XSG"),
                new TicketEvent.TransferRequested("JN-XSG", "JN-GG", "属葛沽镇管辖"),
                new TicketEvent.TransferAccepted("JN-XSG", "JN-GG", null),
                new TicketEvent.TransferRefused("JN-XSG", "JN-GG", "不属本镇"),
                new TicketEvent.ReferredToCity("需市级协调", "SJ-1"),
                new TicketEvent.ReferredToCity("需市级协调", null));
        for (TicketEvent e : events) {
            assertThat(codec.decode(codec.type(e), codec.encode(e))).isEqualTo(e);
        }
    }
}
