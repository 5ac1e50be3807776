package org.griddesk.store.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.GG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The hand-over of 咸水沽镇's day shift on Friday 2026-11-27 at 10:00 (day 08:00–20:00, night until
/// Saturday 08:00), on hand-made tickets whose sections are written here; its sign-off and refusals.
class HandoverServiceTest {
    private static final Instant NOW = shanghai("2026-11-27T10:00");

    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-17T09:00"), Duration.ofSeconds(1));
    private HandoverService handovers;
    private SupervisionTickets make;
    private DSLContext dsl;

    private void open(Database db) {
        dsl = db.dsl();
        TicketService service = new TicketService(dsl, LifecycleFixture.lifecycle(), clock);
        make = new SupervisionTickets(service, clock);
        handovers = new HandoverService(dsl, LifecycleFixture.ORGANISATION, ShiftSchedule.defaultSchedule(),
                new AuditLog(dsl, clock, AuditRetention.fromSystemProperty()), clock);
    }

    private Map<HandOver.Section, List<String>> story() {
        // accepted Tue 11-17: due Thu 11-26 24:00, overdue at Friday 10:00
        Ticket overdue = make.inProgress(make.reported("XSG-001-01"));
        // another town's overdue ticket: NOT in 咸水沽镇's hand-over
        Ticket elsewhere = make.reported("GG-001-01");
        elsewhere = new TicketService(dsl, LifecycleFixture.lifecycle(), clock).report(new Intake(Channel.HOTLINE_8890, "8890-GG1",
                "葛沽镇路灯不亮", "GG-001-01", clock.now()), "JN-GG", HOTLINE).after();
        make.then(elsewhere, new TicketCommand.Accept(SupervisionTickets.ITEM, DeadlinePolicy.general(), false), GG_DISPATCHER);
        clock.advance(Duration.ofDays(1));
        // accepted Wed 11-18: due Fri 11-27 24:00, within the night shift
        Ticket dueTonight = make.inProgress(make.reported("XSG-001-02"));
        clock.advance(Duration.ofDays(7));
        // Wed 11-25: due next week
        Ticket verified = make.verified(make.inProgress(make.reported("XSG-001-03")));
        Ticket whistled = make.then(make.accepted(make.reported("XSG-001-04")), new TicketCommand.Whistle(List.of("JN-CGW")),
                XSG_DISPATCHER);
        Ticket extension = make.then(make.inProgress(make.reported("XSG-001-05")),
                new TicketCommand.RequestExtension(3, "需协调产权单位"), XSG_CG_HANDLER);
        make.accepted(make.reported("XSG-001-06")); // due next week, nothing waiting: NOT listed
        clock.advance(Duration.between(clock.now(), NOW));
        Map<HandOver.Section, List<String>> expected = new EnumMap<>(HandOver.Section.class);
        expected.put(HandOver.Section.DUE_NEXT_SHIFT, List.of(dueTonight.code()));
        expected.put(HandOver.Section.OVERDUE, List.of(overdue.code()));
        expected.put(HandOver.Section.CALLBACK_DUE, List.of(verified.code()));
        expected.put(HandOver.Section.WHISTLE_OPEN, List.of(whistled.code()));
        expected.put(HandOver.Section.EXTENSION_PENDING, List.of(extension.code()));
        return expected;
    }

    private static Map<HandOver.Section, List<String>> codes(HandOver h) {
        Map<HandOver.Section, List<String>> codes = new EnumMap<>(HandOver.Section.class);
        h.tickets().forEach((s, lines) -> codes.put(s, lines.stream().map(TicketLine::code).toList()));
        return codes;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOutgoingSupervisorHandsOverTheTicketsAndAnotherSupervisorSignsOff(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            open(db);
            Map<HandOver.Section, List<String>> expected = story();
            Session outgoing = SupervisionTickets.session(XSG_SUPERVISOR);

            assertThat(codes(handovers.draft(outgoing))).isEqualTo(expected);
            HandOver written = handovers.write(outgoing, "井盖问题已督办，夜班注意回访");
            assertThat(codes(written)).isEqualTo(expected);
            assertThat(written.shift()).isEqualTo("白班|Day shift");
            assertThat(written.nextShift()).isEqualTo("夜班|Night shift");
            assertThat(written.nextShiftEnds()).isEqualTo(shanghai("2026-11-28T08:00"));
            assertThat(written.writtenByName()).isEqualTo(XSG_SUPERVISOR.name());
            assertThat(written.writtenAt()).isNotNull();
            assertThat(written.signed()).isFalse();

            Actor incomingPerson = new Actor("u-xsg-10", "周值班长", Role.SUPERVISOR, LifecycleFixture.XIANSHUIGU);
            clock.advance(Duration.ofHours(10));
            HandOver signed = handovers.signOff(SupervisionTickets.session(incomingPerson), written.id(), "已接班");
            assertThat(signed.signedByName()).isEqualTo("周值班长");
            assertThat(signed.signNote()).isEqualTo("已接班");
            assertThat(signed.signedAt()).isAfter(signed.writtenAt().plus(Duration.ofHours(9)));
            assertThat(codes(signed)).as("the tickets as handed over").isEqualTo(expected);

            assertThatThrownBy(() -> handovers.signOff(SupervisionTickets.session(incomingPerson), written.id(), null))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("handover.refused.signed"));
            assertThat(handovers.history(SupervisionTickets.session(incomingPerson), 10)).singleElement()
                    .satisfies(h -> {
                        assertThat(h.note()).isEqualTo("井盖问题已督办，夜班注意回访");
                        assertThat(h.signedByName()).isEqualTo("周值班长");
                        assertThat(codes(h)).isEqualTo(expected);
                    });
            assertThat(dsl.fetchCount(dsl.selectFrom("audit_log").where("action = 'HANDOVER_WRITTEN' AND outcome = 'SUCCESS'"))).isEqualTo(1);
            assertThat(dsl.fetchCount(dsl.selectFrom("audit_log").where("action = 'HANDOVER_SIGNED' AND outcome = 'SUCCESS'"))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSamePersonAnotherCentreOrAnotherRoleCannotSignOffAndNothingIsWritten(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            open(db);
            story();
            Session outgoing = SupervisionTickets.session(XSG_SUPERVISOR);
            assertThatThrownBy(() -> handovers.write(outgoing, "  "))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("handover.refused.noNote"));
            assertThat(dsl.fetchCount(dsl.selectFrom("shift_handover"))).isZero();
            assertThatThrownBy(() -> handovers.write(SupervisionTickets.session(XSG_DISPATCHER), "交班"))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("handover.refused.role"));

            HandOver written = handovers.write(outgoing, "交班");
            assertThatThrownBy(() -> handovers.write(outgoing, "交班"))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("handover.refused.again"));
            assertThat(dsl.fetchCount(dsl.selectFrom("shift_handover"))).as("one hand-over per shift").isEqualTo(1);
            assertThatThrownBy(() -> handovers.signOff(outgoing, written.id(), null))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> {
                        assertThat(r.messageKey()).isEqualTo("handover.refused.samePerson");
                        assertThat(r.message(Locale.CHINA)).isEqualTo("交班人（李值班长）不能自己接班签收，须由下一班的值班长签收。");
                    });
            assertThatThrownBy(() -> handovers.signOff(SupervisionTickets.session(GG_SUPERVISOR), written.id(), null))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("handover.refused.otherCentre"));
            assertThatThrownBy(() -> handovers.signOff(SupervisionTickets.session(XSG_DISPATCHER), written.id(), null))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("handover.refused.role"));
            Actor manager = new Actor("u-jn-mgr", "区管理人员", Role.DISTRICT_MANAGER, LifecycleFixture.DISTRICT);
            assertThatThrownBy(() -> handovers.history(SupervisionTickets.session(manager), 5))
                    .isInstanceOf(SupervisionRefused.class);

            assertThat(dsl.fetchCount(dsl.selectFrom("shift_handover").where("signed_at IS NOT NULL"))).isZero();
            assertThat(dsl.fetchCount(dsl.selectFrom("audit_log").where("action = 'HANDOVER_SIGNED' AND outcome = 'REFUSED'")))
                    .as("same person, other centre, dispatcher").isEqualTo(3);
        }
    }
}
