package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.TICKET;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.TicketHistoryWriter.History;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketHistoryWriterTest {
    private static final DemoDistrictData DISTRICT = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aHistoryIsStoredExactlyAndNewTicketsContinueAfterIt(DatabaseKind kind) {
        List<History> histories = new DemoHistoryGenerator(DISTRICT, 5).generate(20, Instant.now());
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            new TicketHistoryWriter(db).write(histories);
            TicketRepository repo = new TicketRepository(db.dsl());
            assertThat(repo.count()).isEqualTo(histories.size());
            for (History h : List.of(histories.getFirst(), histories.get(histories.size() / 2), histories.getLast())) {
                Ticket stored = repo.get(h.ticket().id());
                assertThat(stored).isEqualTo(h.ticket());
                assertThat(TicketEvolution.replay(stored.id(), stored.code(), repo.trail(stored.id()))).isEqualTo(stored);
            }
            Instant now = Instant.now();
            var load = repo.openLoadByGrid(now);
            var open = histories.stream().map(History::ticket).filter(t -> !t.state().isTerminal() && t.intake().gridCode() != null).toList();
            assertThat(load.values().stream().mapToInt(TicketRepository.GridLoad::open).sum()).isEqualTo(open.size());
            assertThat(load.values().stream().mapToInt(TicketRepository.GridLoad::overdue).sum()).isEqualTo(open.stream()
                    .filter(t -> t.state().isBeingHandled() && t.deadline() != null && t.deadline().dueAt().isBefore(now))
                    .count());
            History called = histories.stream().filter(h -> h.ticket().intake().caller() != null).findFirst().orElseThrow();
            String phone = called.ticket().intake().caller().phone();
            assertThat(repo.get(called.ticket().id()).intake().caller()).isEqualTo(called.ticket().intake().caller());
            assertThat(repo.callsFrom(phone, Instant.EPOCH)).isEqualTo(histories.stream()
                    .filter(h -> h.ticket().intake().caller() != null && phone.equals(h.ticket().intake().caller().phone())).count());
            assertThat(repo.callsFrom(phone, Instant.now().plusSeconds(60))).isZero();
            TicketLifecycle lifecycle = new TicketLifecycle(WorkCalendar.builtIn(), DISTRICT.organisation(), LifecycleRules.DEFAULT);
            Actor hotline = new Actor("ch", "8890", Role.CHANNEL, DISTRICT.organisation().unit("XSG").orElseThrow());
            Ticket next = new TicketService(db.dsl(), lifecycle, Clock.systemUTC())
                    .report(new Intake(Channel.HOTLINE_8890, "after-history", "新来电", null, Instant.now()), "XSG", hotline)
                    .after();
            assertThat(next.id()).isEqualTo(histories.size() + 1L);
            String month = next.code().substring(0, 4);
            long sameMonth = histories.stream().filter(h -> h.ticket().code().startsWith(month)).count();
            assertThat(next.code()).isEqualTo(month + "-" + String.format("%04d", sameMonth + 1));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anInterruptedWriteKeepsWholeTicketsAndTheNextRunCompletesItExactly(DatabaseKind kind) {
        List<History> histories = new DemoHistoryGenerator(DISTRICT, 6).generate(8, Instant.now());
        assertThat(histories).hasSizeGreaterThan(2 * TicketHistoryWriter.CHUNK);
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketHistoryWriter writer = new TicketHistoryWriter(db);
            int[] commits = {0};
            assertThatThrownBy(() -> writer.write(histories.iterator(), last -> {
                if (++commits[0] == 2) {
                    throw new IllegalStateException("the desk was closed");
                }
            })).hasMessage("the desk was closed");
            TicketRepository repo = new TicketRepository(db.dsl());
            assertThat(repo.count()).as("the first chunk stayed, the second was rolled back").isEqualTo(TicketHistoryWriter.CHUNK);
            History lastKept = histories.get(TicketHistoryWriter.CHUNK - 1);
            assertThat(repo.trail(lastKept.ticket().id())).hasSameSizeAs(lastKept.trail());

            assertThat(writer.write(histories.iterator(), last -> { })).isEqualTo(histories.size() - TicketHistoryWriter.CHUNK);
            assertThat(repo.count()).isEqualTo(histories.size());
            long events = histories.stream().mapToLong(h -> h.trail().size()).sum();
            assertThat(repo.eventsAfter(0, Integer.MAX_VALUE)).hasSize((int) events);
            for (History h : List.of(histories.getFirst(), lastKept, histories.get(TicketHistoryWriter.CHUNK), histories.getLast())) {
                assertThat(repo.get(h.ticket().id())).isEqualTo(h.ticket());
            }
            assertThat(writer.write(histories.iterator(), last -> { })).as("nothing left to write").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTicketStoredWithoutItsTrailGetsItsTrailOnTheNextRun(DatabaseKind kind) {
        List<History> histories = new DemoHistoryGenerator(DISTRICT, 7).generate(3, Instant.now());
        History stopped = histories.get(1); // a run stopped after its ticket committed, before its trail did
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            db.dsl().insertInto(TICKET).set(TICKET.ID, stopped.ticket().id())
                    .set(TicketRows.columns(stopped.ticket(), Instant.now(), db.personalData())).execute();
            TicketRepository repo = new TicketRepository(db.dsl());
            assertThat(repo.trail(stopped.ticket().id())).isEmpty();

            assertThat(new TicketHistoryWriter(db).write(histories.iterator(), last -> { })).isEqualTo(histories.size() - 1);
            assertThat(repo.count()).isEqualTo(histories.size());
            assertThat(repo.trail(stopped.ticket().id())).hasSameSizeAs(stopped.trail());
            assertThat(TicketEvolution.replay(stopped.ticket().id(), stopped.ticket().code(), repo.trail(stopped.ticket().id())))
                    .isEqualTo(stopped.ticket());
            assertThat(repo.eventsAfter(0, Integer.MAX_VALUE)).hasSize(histories.stream().mapToInt(h -> h.trail().size()).sum());
        }
    }
}
