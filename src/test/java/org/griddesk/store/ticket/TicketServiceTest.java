package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.CGW_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketServiceTest {
    @TempDir
    Path temp;

    /// moves 7 minutes on each time it is read
    private final HandClock clock = new HandClock(shanghai("2026-11-23T09:00"), Duration.ofMinutes(7));

    private TicketService service(Database db) {
        return new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reportsGetMonthlyCodesAndTheirFirstEvent(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            Transition first = service.report(hotlineRequest("8890-A", clock.now()), "JN-XSG", HOTLINE);
            Transition second = service.report(hotlineRequest("8890-B", clock.now()), "JN-XSG", HOTLINE);

            assertThat(first.after().code()).isEqualTo("2611-0001");
            assertThat(second.after().code()).isEqualTo("2611-0002");
            TicketRepository repo = new TicketRepository(db.dsl());
            assertThat(repo.get(first.after().id())).isEqualTo(first.after());
            assertThat(repo.trail(first.after().id())).singleElement()
                    .satisfies(e -> {
                        assertThat(e.toState()).isEqualTo(TicketState.REPORTED);
                        assertThat(e.fromState()).isNull();
                        assertThat(e.actorId()).isEqualTo("ch-8890");
                        assertThat(e.seq()).isPositive();
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theStoredTicketEqualsTheDecidedOneAndItsTrailRebuildsIt(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            TicketRepository repo = new TicketRepository(db.dsl());
            Ticket t = service.report(hotlineRequest("8890-C", clock.now()), "JN-XSG", HOTLINE).after();
            t = service.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.ContactCitizen("电话联系"), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.Sign(), XSG_CG_HANDLER).after();
            t = service.execute(t, new TicketCommand.Whistle(List.of("JN-CGW", "JN-SWJ")), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.CheckIn(), CGW_HANDLER).after();
            t = service.execute(t, new TicketCommand.RequestExtension(2, "需协调管线单位"), XSG_CG_HANDLER).after();
            t = service.execute(t, new TicketCommand.ApproveExtension(true, "已告知来电人"), XSG_SUPERVISOR).after();
            t = service.execute(t, new TicketCommand.ReportHandled("已补装井盖", List.of("photo:a.jpg", "photo:b.jpg")), XSG_CG_HANDLER).after();
            t = service.execute(t, new TicketCommand.VerifyPass("网格员核实"), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.CallBack(CallbackResult.DISSATISFIED, "井盖松动"), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.Reopen("返工"), XSG_DISPATCHER).after();
            t = service.execute(t, new TicketCommand.Urge("尽快返工"), XSG_SUPERVISOR).after();

            Ticket stored = repo.get(t.id());
            assertThat(stored).isEqualTo(t);
            assertThat(stored.whistles()).hasSize(2);
            assertThat(stored.whistles().getFirst().checkedInAt()).isNotNull();
            assertThat(stored.extensions()).singleElement().extracting(ExtensionRequest::status, ExtensionRequest::citizenInformed)
                    .containsExactly(ExtensionRequest.Status.APPROVED, true);
            assertThat(stored.round()).isEqualTo(2);

            var trail = repo.trail(t.id());
            assertThat(trail).hasSize((int) stored.version());
            assertThat(TicketEvolution.replay(stored.id(), stored.code(), trail)).isEqualTo(stored);
            assertThat(trail).extracting(e -> e.seq()).isSorted();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStaleVersionIsRefusedWithWhoChangedItAndNothingIsWritten(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            TicketRepository repo = new TicketRepository(db.dsl());
            Ticket seenByBoth = service.report(hotlineRequest("8890-D", clock.now()), "JN-XSG", HOTLINE).after();
            seenByBoth = service.execute(seenByBoth, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();

            service.execute(seenByBoth, new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
            Ticket stale = seenByBoth;
            assertThatThrownBy(() -> service.execute(stale, new TicketCommand.Dispatch("JN-XSG-AJ"), XSG_SUPERVISOR))
                    .isInstanceOfSatisfying(StaleTicketException.class, e -> {
                        assertThat(e.changedBy()).isEqualTo("王调度");
                        assertThat(e.newState()).isEqualTo(TicketState.DISPATCHED);
                        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("2611-0001", "王调度", "已分拨");
                        assertThat(e.message(Locale.ENGLISH)).contains("changed by 王调度", "DISPATCHED");
                    });
            assertThatThrownBy(() -> service.execute(stale.id(), stale.version(), new TicketCommand.Urge("x"), XSG_SUPERVISOR))
                    .isInstanceOf(StaleTicketException.class);

            Ticket now = repo.get(stale.id());
            assertThat(now.assignedTeamId()).isEqualTo("JN-XSG-CG");
            assertThat(now.version()).isEqualTo(3);
            assertThat(repo.trail(stale.id())).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRefusedCommandWritesNothing(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            TicketRepository repo = new TicketRepository(db.dsl());
            Ticket t = service.report(hotlineRequest("8890-E", clock.now()), "JN-XSG", HOTLINE).after();
            assertThatThrownBy(() -> service.execute(t, new TicketCommand.Sign(), XSG_CG_HANDLER))
                    .isInstanceOf(TransitionRefused.class);
            assertThat(repo.get(t.id())).isEqualTo(t);
            assertThat(repo.trail(t.id())).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDatabaseRefusesToChangeOrDeleteAnEvent(DatabaseKind kind) throws Exception {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            Ticket t = service(db).report(hotlineRequest("8890-F", clock.now()), "JN-XSG", HOTLINE).after();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE ticket_event SET reason = 'x' WHERE ticket_id = " + t.id()))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM ticket_event WHERE ticket_id = " + t.id()))
                        .hasMessageContaining("append-only");
            }
            assertThat(new TicketRepository(db.dsl()).trail(t.id())).hasSize(1);
        }
    }
    private static final Actor VIDEO = new Actor("CH-VIDEO", "雪亮工程",
            Role.CHANNEL, LifecycleFixture.XIANSHUIGU);

    private VideoAlarm alarm(String id, byte[] snapshot) {
        return new VideoAlarm(id, "JN-GQ-00041", "占道经营", 0.91, clock.now(), snapshot);
    }

    private Ticket reportedByAlarm(TicketService service, VideoAlarm first) {
        return service.report(new Intake(Channel.VIDEO, first.alarmId(), "视频告警：占道经营", "XSG-012-03", first.alarmAt()),
                "JN-XSG", VIDEO, new IntakeDetail(IntakeDetail.Locating.POINT, null, null, false), first, List.of()).after();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFoldedAlarmIsAnEventOfItsTicketWrittenWithTheAlarmsRowOrNotAtAll(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            TicketRepository repo = new TicketRepository(db.dsl());
            IntakeRepository intakes = new IntakeRepository(db.dsl());
            Ticket t = reportedByAlarm(service, alarm("VA-1", null));
            byte[] snapshot = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

            Transition folded = service.foldAlarm(t.id(), alarm("VA-2", snapshot), VIDEO);

            assertThat(folded.after().version()).isEqualTo(2);
            assertThat(repo.get(t.id())).isEqualTo(folded.after());
            assertThat(repo.trail(t.id())).last().satisfies(e -> {
                assertThat(e.event()).isInstanceOfSatisfying(TicketEvent.AlarmRepeated.class, a -> {
                    assertThat(a.alarmId()).isEqualTo("VA-2");
                    assertThat(a.cameraCode()).isEqualTo("JN-GQ-00041");
                });
                assertThat(e.ticketVersion()).isEqualTo(2);
                assertThat(e.actorId()).isEqualTo("CH-VIDEO");
            });
            assertThat(intakes.alarms(t.id())).extracting(VideoAlarm::alarmId).containsExactly("VA-1", "VA-2");
            assertThat(intakes.alarms(t.id()).getLast().snapshot()).isEqualTo(snapshot);
            assertThat(intakes.repeats(t.id())).isEqualTo(1);

            // the alarm's row cannot be written (its id was taken): neither is the event
            assertThatThrownBy(() -> service.foldAlarm(t.id(), alarm("VA-2", null), VIDEO)).isInstanceOf(RuntimeException.class);
            assertThat(repo.get(t.id()).version()).isEqualTo(2);
            assertThat(repo.trail(t.id())).hasSize(2);
            assertThat(intakes.repeats(t.id())).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFoldRacingADesksChangeIsDecidedAgainOnTheNewVersionAndAClosedTicketIsRefused(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService desk = service(db);
            Ticket t = reportedByAlarm(desk, alarm("VA-1", null));
            // the gateway's clock is read after it loaded the ticket: the desk accepts it just then
            Runnable[] betweenLoadAndWrite = {() -> desk.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(),
                    false), XSG_DISPATCHER)};
            Clock gatewayClock = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public synchronized Instant instant() {
                    Runnable once = betweenLoadAndWrite[0];
                    betweenLoadAndWrite[0] = () -> { };
                    once.run();
                    return clock.instant();
                }
            };
            TicketService gateway = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), gatewayClock);

            Transition folded = gateway.foldAlarm(t.id(), alarm("VA-2", null), VIDEO);

            TicketRepository repo = new TicketRepository(db.dsl());
            assertThat(folded.before().state()).as("decided on what the desk made of it").isEqualTo(TicketState.ACCEPTED);
            assertThat(repo.trail(t.id())).extracting(e -> e.event().getClass().getSimpleName())
                    .containsExactly("Reported", "Accepted", "AlarmRepeated");
            assertThat(repo.get(t.id()).version()).isEqualTo(3);

            Ticket rejected = desk.execute(reportedByAlarm(desk, alarm("VA-7", null)), new TicketCommand.RejectInvalid("误报"),
                    XSG_DISPATCHER).after();
            assertThatThrownBy(() -> gateway.foldAlarm(rejected.id(), alarm("VA-8", null), VIDEO))
                    .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.key()).isEqualTo("refusal.state"));
            assertThat(new IntakeRepository(db.dsl()).alarms(rejected.id())).extracting(VideoAlarm::alarmId).containsExactly("VA-7");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aGatewayReportIsStoredWithWhatTheGatewayKeepsOrNotAtAll(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            TicketRepository repo = new TicketRepository(db.dsl());
            IntakeRepository intakes = new IntakeRepository(db.dsl());
            Ticket first = reportedByAlarm(service, alarm("VA-1", null));
            var duplicate = new DuplicateSuggestion(first.id(), first.code(), 0.8, List.of(new DuplicateSuggestion.Reason(DuplicateSuggestion.Kind.SAME_CAMERA, 0)));
            Ticket second = service.report(hotlineRequest("8890-G", clock.now()), "JN-XSG", HOTLINE,
                    new IntakeDetail(IntakeDetail.Locating.GIVEN, "05-03-012", null, true), null, List.of(duplicate)).after();
            assertThat(intakes.detail(second.id())).hasValue(new IntakeDetail(IntakeDetail.Locating.GIVEN, "05-03-012", null, true));
            assertThat(intakes.suggestions(second.id())).extracting(DuplicateSuggestion::candidateId).containsExactly(first.id());

            var noSuchTicket = new DuplicateSuggestion(999_999, "2611-9999", 0.8, List.of(new DuplicateSuggestion.Reason(DuplicateSuggestion.Kind.SAME_CAMERA, 0)));
            assertThatThrownBy(() -> service.report(hotlineRequest("8890-H", clock.now()), "JN-XSG", HOTLINE,
                    IntakeDetail.NONE, null, List.of(noSuchTicket))).isInstanceOf(RuntimeException.class);
            assertThat(repo.findByExternal(Channel.HOTLINE_8890, "8890-H")).isEmpty();
            assertThat(repo.eventsAfter(0, 100)).hasSize(2);
        }
    }
}
