package org.griddesk.store.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.CGW_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.SWJ_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// 咸水沽镇's timers on Friday 2026-11-27 at 10:00 (day shift since 08:00), on hand-made tickets:
/// whistle check-ins open, late and checked in late; citizens not contacted in time; callbacks not
/// made in time — and what is NOT listed (on time, done, another town's).
class TimerReaderTest {
    private static final Instant NOW = shanghai("2026-11-27T10:00");
    private static final Instant SHIFT_START = shanghai("2026-11-27T08:00");

    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-25T10:00"), Duration.ofSeconds(1));
    private SupervisionTickets make;
    private TicketService service;

    private void at(String shanghaiTime) {
        clock.advance(Duration.between(clock.now(), shanghai(shanghaiTime)));
    }

    private Ticket contacted(Ticket t) {
        return make.then(t, new TicketCommand.ContactCitizen("已电话联系"), XSG_DISPATCHER);
    }

    private Ticket whistled(Ticket t, String team) {
        return make.then(t, new TicketCommand.Whistle(List.of(team)), XSG_DISPATCHER);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aCentresTimersListWhatIsLateOrCountingDownAndLeaveOutWhatIsDoneOrNotTheirs(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            make = new SupervisionTickets(service, clock);
            // Wed 11-25 10:00: verified, callback due at the end of Thu 11-26
            Ticket callbackLate = make.verified(make.inProgress(make.reported("XSG-001-01")));
            Ticket calledBack = make.verified(make.inProgress(make.reported("XSG-001-02")));
            make.then(calledBack, new TicketCommand.CallBack(CallbackResult.SATISFIED, "满意"), XSG_DISPATCHER);
            // Thu 09:00: three whistles (check-in due about two working hours later)
            at("2026-11-26T09:00");
            Ticket neverCheckedIn = whistled(contacted(make.accepted(make.reported("XSG-002-01"))), "JN-CGW");
            Ticket checkedInLate = whistled(contacted(make.accepted(make.reported("XSG-002-02"))), "JN-SWJ");
            Ticket checkedInOnTime = whistled(contacted(make.accepted(make.reported("XSG-002-03"))), "JN-CGW");
            Ticket gegu = service.report(new Intake(Channel.HOTLINE_8890, "8890-GG1", "葛沽镇路灯不亮", "GG-001-01", clock.now()),
                    "JN-GG", HOTLINE).after();
            gegu = make.then(gegu, new TicketCommand.Accept(SupervisionTickets.ITEM, DeadlinePolicy.general(), false), GG_DISPATCHER);
            make.then(make.then(gegu, new TicketCommand.ContactCitizen(null), GG_DISPATCHER),
                    new TicketCommand.Whistle(List.of("JN-CGW")), GG_DISPATCHER); // another town's: never listed
            at("2026-11-26T09:30");
            make.then(checkedInOnTime, new TicketCommand.CheckIn(), CGW_HANDLER);
            at("2026-11-26T10:00");
            Ticket callbackDueTonight = make.verified(make.inProgress(make.reported("XSG-001-03")));
            // Fri 07:00: accepted, contact due 09:00
            at("2026-11-27T07:00");
            Ticket notContacted = make.accepted(make.reported("XSG-003-01"));
            contacted(make.accepted(make.reported("XSG-003-02")));
            at("2026-11-27T09:00");
            Ticket contactDueAt11 = make.accepted(make.reported("XSG-003-03"));
            at("2026-11-27T09:30");
            make.then(checkedInLate, new TicketCommand.CheckIn(), SWJ_HANDLER);
            Ticket countingDown = whistled(contacted(make.accepted(make.reported("XSG-002-04"))), "JN-SWJ");
            at("2026-11-27T10:00");

            TimerReader reader = new TimerReader(db.dsl(), WorkCalendar.builtIn());
            TimerLists lists = reader.read("JN-XSG", TimingPolicies.DEFAULT, SHIFT_START, NOW);

            assertThat(lists.whistles()).extracting(w -> w.ticket().code() + " " + w.whistle().teamId())
                    .as("late first (open or checked in late this shift), then counting down; on time and other towns' left out")
                    .containsExactlyInAnyOrder(neverCheckedIn.code() + " JN-CGW", checkedInLate.code() + " JN-SWJ",
                            countingDown.code() + " JN-SWJ");
            assertThat(lists.whistles().getLast().ticket().code()).isEqualTo(countingDown.code());
            assertThat(lists.lateAt(NOW)).extracting(w -> w.ticket().code())
                    .containsExactlyInAnyOrder(neverCheckedIn.code(), checkedInLate.code());
            TimerLists.WhistleLine late = lists.whistles().stream().filter(w -> w.ticket().code().equals(checkedInLate.code()))
                    .findFirst().orElseThrow();
            assertThat(late.whistle().checkedInLate()).isTrue();
            assertThat(late.whistle().lateBy()).isPositive();
            TimerLists.WhistleLine open = lists.whistles().getLast();
            assertThat(open.whistle().isOpen()).isTrue();
            assertThat(open.whistle().leftAt(NOW)).isPositive().isLessThanOrEqualTo(Duration.ofHours(24));

            assertThat(lists.overdueContact()).extracting(o -> o.ticket().code()).containsExactly(notContacted.code());
            assertThat(lists.overdueContact().getFirst().dueAt()).isEqualTo(notContacted.milestones().acceptedAt().plus(Duration.ofHours(2)));
            assertThat(lists.overdueCallbacks()).extracting(o -> o.ticket().code()).containsExactly(callbackLate.code());
            assertThat(lists.overdueCallbacks().getFirst().dueAt()).isEqualTo(shanghai("2026-11-27T00:00"));

            // a little later the 11:00 contact and tonight's callback are late too; the district sees every town
            Instant later = shanghai("2026-11-28T00:30");
            TimerLists next = reader.read("JN-XSG", TimingPolicies.DEFAULT, SHIFT_START, later);
            assertThat(next.overdueContact()).extracting(o -> o.ticket().code()).containsExactly(notContacted.code(), contactDueAt11.code());
            assertThat(next.overdueCallbacks()).extracting(o -> o.ticket().code())
                    .containsExactly(callbackLate.code(), callbackDueTonight.code());
            assertThat(reader.read(null, TimingPolicies.DEFAULT, SHIFT_START, NOW).whistles())
                    .extracting(w -> w.ticket().code()).contains(gegu.code());
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "H2")
    void aShorterContactLimitAppliesToTicketsReportedAfterItAndLeavesThoseBeforeAsTheyWere(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            make = new SupervisionTickets(service, clock);
            at("2026-11-27T09:00");
            Ticket before = make.accepted(make.reported("XSG-003-01"));
            Instant changed = shanghai("2026-11-27T09:30");
            at("2026-11-27T09:35");
            Ticket after = make.accepted(make.reported("XSG-003-02"));
            TimingPolicies policies = TimingPolicies.DEFAULT.from(changed,
                    new TimingPolicy(Duration.ofMinutes(30), Duration.ofMinutes(30), 1, 0.2));
            TimerReader reader = new TimerReader(db.dsl(), WorkCalendar.builtIn());

            Instant tenPast = shanghai("2026-11-27T10:10");
            assertThat(reader.read("JN-XSG", policies, SHIFT_START, tenPast).overdueContact())
                    .as("30 min for the new ticket; the 2 h it was reported under for the old one")
                    .extracting(o -> o.ticket().code()).containsExactly(after.code());
            assertThat(reader.read("JN-XSG", TimingPolicies.DEFAULT, SHIFT_START, tenPast).overdueContact())
                    .as("with the code's defaults neither is late yet").isEmpty();
            assertThat(reader.read("JN-XSG", policies, SHIFT_START, shanghai("2026-11-27T11:01")).overdueContact())
                    .extracting(o -> o.ticket().code()).containsExactly(after.code(), before.code());
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "H2")
    void aTicketHandedOverIsTimedOnTheReceiversBoardNotTheSendersThoughTheSenderAcceptedItFirst(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            make = new SupervisionTickets(service, clock);
            at("2026-11-27T07:00");
            Ticket t = make.accepted(make.reported("XSG-003-01"));
            t = make.then(t, new TicketCommand.Transfer("JN-GG", "属葛沽镇"), XSG_DISPATCHER);
            make.then(t, new TicketCommand.AcceptTransfer(null), org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER);
            TimerReader reader = new TimerReader(db.dsl(), WorkCalendar.builtIn());

            assertThat(reader.read("JN-GG", TimingPolicies.DEFAULT, SHIFT_START, NOW).overdueContact())
                    .extracting(o -> o.ticket().code()).containsExactly(t.code());
            assertThat(reader.read("JN-XSG", TimingPolicies.DEFAULT, SHIFT_START, NOW).overdueContact()).isEmpty();
        }
    }
}
