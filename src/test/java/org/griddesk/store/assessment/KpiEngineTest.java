package org.griddesk.store.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.testsupport.LifecycleFixture.CGW_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.SWJ_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_AJ_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
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
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Every measure of every dimension on a small history made through the real lifecycle, with the
/// answers worked out by hand and written here (docs/assessment.md explains each). October 2026
/// holds the National Day holiday (10-01..10-07 off, Saturday 10-10 a working day), which the
/// working minutes skip.
class KpiEngineTest {
    private static final Period OCTOBER = Period.month(YearMonth.of(2026, 10));
    private static final Actor GRID_APP = new Actor("ch-app", "网格通", Role.CHANNEL, LifecycleFixture.GEGU);
    private static final Actor GG_CG_HANDLER = new Actor("u-gg-cg-1", "葛沽城管队员", Role.HANDLER, LifecycleFixture.GG_CITY_MGMT);
    private static final Actor GG_SUPERVISOR = LifecycleFixture.GG_SUPERVISOR;
    private static final String ITEM = "05-03-012";
    private static final String ASKING_ITEM = "01-01-001";

    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-09-30T10:00"), Duration.ZERO);
    private TicketService service;

    /// the tickets of the history, as the store numbered them
    private long t1, t2, t3, t4, t5, t6, t7, t8;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyMeasureOfEveryDimensionIsWhatTheHistoryMakesIt(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            district(db.dsl());
            service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            history();
            SqlKpiEngine engine = new SqlKpiEngine(db.dsl(), WorkCalendar.builtIn(), TimingPolicy.DEFAULT,
                    Clock.fixed(shanghai("2026-12-01T09:00"), ZoneOffset.UTC));

            String xsg = "RECEIVED=3 ACCEPTED=2 ACCEPTED_ON_TIME=1 CONTACTED=1 RESOLVED=1 RESOLVED_ON_TIME=1 OVERDUE_OPEN=2 "
                    + "EXTENSIONS_ASKED=1 EXTENSIONS_APPROVED=1 RETURNS=1 REWORKS=1 URGES=2 CALLBACKS_DUE=2 CALLBACKS_DONE=2 "
                    + "SATISFIED=1 DISSATISFIED=1 REOPENED=1 REPEAT_REQUESTS=1 HANDLED_TIMED=1 HANDLING_WORK_MINUTES=2880 "
                    + "CALLBACKS_DUE_DONE=2";
            String gg = "RECEIVED=2 ACCEPTED=2 ACCEPTED_ON_TIME=2 CONTACTED=2 CONTACTED_ON_TIME=2 RESOLVED=2 RESOLVED_ON_TIME=2 "
                    + "WHISTLES=2 CHECK_INS=2 CHECK_INS_ON_TIME=1 CALLBACKS_DUE=2 CALLBACKS_DONE=2 SATISFIED=2 HANDLED_TIMED=2 "
                    + "HANDLING_WORK_MINUTES=1545 RESOLVED_OF_ACCEPTED=2 WHISTLES_ANSWERED_ON_TIME=1 CALLBACKS_DUE_DONE=2";
            String escalated = "RECEIVED=1 ACCEPTED=1 ACCEPTED_ON_TIME=1 RESOLVED=1 FINISHED_LATE=1 CALLBACKS_DUE=1 "
                    + "CALLBACKS_DONE=1 SATISFIED=1 HANDLED_TIMED=1 HANDLING_WORK_MINUTES=11565 RESOLVED_OF_ACCEPTED=1 "
                    + "CALLBACKS_DUE_DONE=1";
            String xsgGrid03 = "RECEIVED=2 ACCEPTED=2 ACCEPTED_ON_TIME=2 RESOLVED=2 RESOLVED_ON_TIME=1 FINISHED_LATE=1 "
                    + "OVERDUE_OPEN=1 REPEAT_REQUESTS=1 CALLBACKS_DUE=2 CALLBACKS_DONE=2 SATISFIED=2 HANDLED_TIMED=2 "
                    + "HANDLING_WORK_MINUTES=14445 RESOLVED_OF_ACCEPTED=1 CALLBACKS_DUE_DONE=2";
            String xsgGrid04 = "RECEIVED=2 ACCEPTED=1 CONTACTED=1 OVERDUE_OPEN=1 EXTENSIONS_ASKED=1 EXTENSIONS_APPROVED=1 "
                    + "RETURNS=1 REWORKS=1 URGES=2 REOPENED=1 CALLBACKS_DUE=1 CALLBACKS_DONE=1 DISSATISFIED=1 CALLBACKS_DUE_DONE=1";
            String xsgCommunity = "RECEIVED=4 ACCEPTED=3 ACCEPTED_ON_TIME=2 CONTACTED=1 RESOLVED=2 RESOLVED_ON_TIME=1 "
                    + "FINISHED_LATE=1 OVERDUE_OPEN=2 EXTENSIONS_ASKED=1 EXTENSIONS_APPROVED=1 RETURNS=1 REWORKS=1 URGES=2 "
                    + "REOPENED=1 REPEAT_REQUESTS=1 CALLBACKS_DUE=3 CALLBACKS_DONE=3 SATISFIED=2 DISSATISFIED=1 "
                    + "HANDLED_TIMED=2 HANDLING_WORK_MINUTES=14445 RESOLVED_OF_ACCEPTED=1 CALLBACKS_DUE_DONE=3";
            String district = "RECEIVED=6 ACCEPTED=5 ACCEPTED_ON_TIME=4 CONTACTED=3 CONTACTED_ON_TIME=2 RESOLVED=4 "
                    + "RESOLVED_ON_TIME=3 FINISHED_LATE=1 OVERDUE_OPEN=2 EXTENSIONS_ASKED=1 EXTENSIONS_APPROVED=1 RETURNS=1 "
                    + "REWORKS=1 URGES=2 WHISTLES=2 CHECK_INS=2 CHECK_INS_ON_TIME=1 CALLBACKS_DUE=5 CALLBACKS_DONE=5 "
                    + "SATISFIED=4 DISSATISFIED=1 REOPENED=1 REPEAT_REQUESTS=1 HANDLED_TIMED=4 HANDLING_WORK_MINUTES=15990 "
                    + "RESOLVED_OF_ACCEPTED=3 WHISTLES_ANSWERED_ON_TIME=1 CALLBACKS_DUE_DONE=5";

            assertSheets(engine, UnitDimension.DISTRICT, Map.of("JN", district));
            assertSheets(engine, UnitDimension.CENTRE, Map.of("JN-XSG", xsg, "JN-GG", gg, "JN", escalated));
            assertSheets(engine, UnitDimension.DEPARTMENT, Map.of(
                    "JN-CGW", escalated + " WHISTLES=1 CHECK_INS=1 CHECK_INS_ON_TIME=1 WHISTLES_ANSWERED_ON_TIME=1",
                    "JN-SWJ", "WHISTLES=1 CHECK_INS=1"));
            assertSheets(engine, UnitDimension.TEAM, Map.of(
                    "JN-XSG-CG", "RESOLVED=1 RESOLVED_ON_TIME=1 CALLBACKS_DUE=1 CALLBACKS_DONE=1 SATISFIED=1 RETURNS=1 "
                            + "HANDLED_TIMED=1 HANDLING_WORK_MINUTES=2880 CALLBACKS_DUE_DONE=1",
                    "JN-XSG-AJ", "RECEIVED=1 ACCEPTED=1 CONTACTED=1 OVERDUE_OPEN=1 EXTENSIONS_ASKED=1 EXTENSIONS_APPROVED=1 "
                            + "REWORKS=1 URGES=2 REOPENED=1 CALLBACKS_DUE=1 CALLBACKS_DONE=1 DISSATISFIED=1 CALLBACKS_DUE_DONE=1",
                    "JN-GG-CG", "RECEIVED=1 ACCEPTED=1 ACCEPTED_ON_TIME=1 CONTACTED=1 CONTACTED_ON_TIME=1 RESOLVED=1 "
                            + "RESOLVED_ON_TIME=1 CALLBACKS_DUE=1 CALLBACKS_DONE=1 SATISFIED=1 HANDLED_TIMED=1 "
                            + "HANDLING_WORK_MINUTES=1490 RESOLVED_OF_ACCEPTED=1 CALLBACKS_DUE_DONE=1"));
            assertSheets(engine, UnitDimension.GRID, Map.of("XSG-012-03", xsgGrid03, "XSG-012-04", xsgGrid04, "GG-001-01", gg));
            assertSheets(engine, UnitDimension.COMMUNITY, Map.of("XSG-012", xsgCommunity, "GG-001", gg));
            assertSheets(engine, UnitDimension.GRID_WORKER, Map.of("W-1", xsgGrid03, "W-2", xsgGrid04, "W-3", gg));

            // one unit's sheet is its line of the dimension's sheets; names come from the organisation and the map
            KpiSheet centre = engine.sheet(OCTOBER, UnitDimension.CENTRE, "JN-GG", KpiFilter.ALL);
            assertThat(centre.unitName()).isEqualTo("葛沽镇网格化管理中心");
            assertThat(centre.counts()).isEqualTo(counts(gg));
            assertThat(centre.rate(Rate.CHECK_IN_ON_TIME)).hasValue(0.5);
            // 办结率 counts October's accepted tickets only: T1 (accepted in September) was resolved in
            // October but is not one of them, so the rate is 3 of 5, not 4 of 5
            KpiSheet all = engine.sheet(OCTOBER, UnitDimension.DISTRICT, "JN", KpiFilter.ALL);
            assertThat(all.rate(Rate.RESOLVED)).hasValue(0.6);
            assertThat(engine.ticketsMissing(OCTOBER, UnitDimension.DISTRICT, "JN", Rate.RESOLVED, KpiFilter.ALL))
                    .as("accepted in October, still open").containsExactlyInAnyOrder(t2, t7);
            assertThat(centre.averageHandlingWorkHours()).hasValue(1545 / 60.0 / 2);
            assertThat(engine.sheet(OCTOBER, UnitDimension.GRID_WORKER, "W-2", KpiFilter.ALL).unitName()).isEqualTo("李网格");
            assertThat(engine.sheet(OCTOBER, UnitDimension.COMMUNITY, "XSG-012", KpiFilter.ALL).counts())
                    .isEqualTo(counts(xsgCommunity));
            assertThatThrownBy(() -> engine.sheet(OCTOBER, UnitDimension.CENTRE, "JN-NOWHERE", KpiFilter.ALL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JN-NOWHERE");
            assertThat(engine.sheet(Period.month(YearMonth.of(2026, 8)), UnitDimension.CENTRE, "JN-XSG", KpiFilter.ALL)
                    .isEmpty()).as("a month before the history shows zeros").isTrue();

            // the tickets behind the figures, newest first
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.DISTRICT, "JN", Measure.RECEIVED, KpiFilter.ALL))
                    .as("newest (most recently made) first: T4 was made before T3").containsExactly(t8, t6, t5, t3, t4, t2);
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.DISTRICT, "JN", Measure.URGES, KpiFilter.ALL))
                    .as("urged twice, listed once").containsExactly(t2);
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.DISTRICT, "JN", Measure.OVERDUE_OPEN, KpiFilter.ALL))
                    .containsExactly(t7, t2);
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.CENTRE, "JN-XSG", Measure.RESOLVED, KpiFilter.ALL))
                    .containsExactly(t1);
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.DEPARTMENT, "JN-SWJ", Measure.CHECK_INS, KpiFilter.ALL))
                    .containsExactly(t3);
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.TEAM, "JN-XSG-CG", Measure.RETURNS, KpiFilter.ALL))
                    .containsExactly(t2);
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.GRID, "XSG-012-03", Measure.REPEAT_REQUESTS, KpiFilter.ALL))
                    .containsExactly(t4);
            assertThat(engine.ticketsBehind(OCTOBER, UnitDimension.DISTRICT, "JN", Measure.HANDLING_WORK_MINUTES, KpiFilter.ALL))
                    .containsExactly(t8, t5, t3, t1);
            assertThat(engine.ticketsMissing(OCTOBER, UnitDimension.DISTRICT, "JN", Rate.RESOLVED_ON_TIME, KpiFilter.ALL))
                    .containsExactly(t5);
            assertThat(engine.ticketsMissing(OCTOBER, UnitDimension.DISTRICT, "JN", Rate.ACCEPTED_ON_TIME, KpiFilter.ALL))
                    .containsExactly(t2);
            // an acceptance limit of an hour from October on: T2 (reported 12 October, accepted after 45 minutes) was in
            // time; the same limit only from November on leaves it late, as the desk timed it
            TimingPolicy hour = new TimingPolicy(java.time.Duration.ofHours(1), TimingPolicy.DEFAULT.contactWithin(),
                    TimingPolicy.DEFAULT.callbackWorkingDays(), TimingPolicy.DEFAULT.atRiskShare());
            Clock december = Clock.fixed(shanghai("2026-12-01T09:00"), ZoneOffset.UTC);
            SqlKpiEngine fromOctober = new SqlKpiEngine(db.dsl(), WorkCalendar.builtIn(), TimingPolicies.DEFAULT
                    .from(shanghai("2026-10-01T00:00"), hour), december);
            assertThat(fromOctober.ticketsMissing(OCTOBER, UnitDimension.DISTRICT, "JN", Rate.ACCEPTED_ON_TIME, KpiFilter.ALL)).isEmpty();
            SqlKpiEngine fromNovember = new SqlKpiEngine(db.dsl(), WorkCalendar.builtIn(), TimingPolicies.DEFAULT
                    .from(shanghai("2026-11-01T00:00"), hour), december);
            assertThat(fromNovember.ticketsMissing(OCTOBER, UnitDimension.DISTRICT, "JN", Rate.ACCEPTED_ON_TIME, KpiFilter.ALL))
                    .containsExactly(t2);
            assertThat(engine.ticketsMissing(OCTOBER, UnitDimension.DISTRICT, "JN", Rate.SATISFACTION, KpiFilter.ALL))
                    .containsExactly(t2);
            assertThat(engine.ticketsMissing(OCTOBER, UnitDimension.DEPARTMENT, "JN-SWJ", Rate.CHECK_IN_ON_TIME, KpiFilter.ALL))
                    .containsExactly(t3);

            // filters: by channel and by the item's category; every centre still listed, with zeros
            assertThat(engine.sheet(OCTOBER, UnitDimension.DISTRICT, "JN", KpiFilter.channel(Channel.GRID_APP)).counts())
                    .isEqualTo(counts("RECEIVED=1 ACCEPTED=1 ACCEPTED_ON_TIME=1 CONTACTED=1 CONTACTED_ON_TIME=1 RESOLVED=1 "
                            + "RESOLVED_ON_TIME=1 WHISTLES=2 CHECK_INS=2 CHECK_INS_ON_TIME=1 CALLBACKS_DUE=1 CALLBACKS_DONE=1 "
                            + "SATISFIED=1 HANDLED_TIMED=1 HANDLING_WORK_MINUTES=1490 RESOLVED_OF_ACCEPTED=1 "
                            + "WHISTLES_ANSWERED_ON_TIME=1 CALLBACKS_DUE_DONE=1"));
            List<KpiSheet> asking = engine.sheets(OCTOBER, UnitDimension.CENTRE, KpiFilter.category("C01"));
            assertThat(asking).extracting(KpiSheet::unitId).containsExactly("JN", "JN-GG", "JN-XSG");
            assertThat(asking.get(1).counts()).isEqualTo(counts("RECEIVED=1 ACCEPTED=1 ACCEPTED_ON_TIME=1 CONTACTED=1 "
                    + "CONTACTED_ON_TIME=1 RESOLVED=1 RESOLVED_ON_TIME=1 CALLBACKS_DUE=1 CALLBACKS_DONE=1 SATISFIED=1 "
                    + "HANDLED_TIMED=1 HANDLING_WORK_MINUTES=55 RESOLVED_OF_ACCEPTED=1 CALLBACKS_DUE_DONE=1"));
            assertThat(asking.get(0).isEmpty()).isTrue();
            assertThat(asking.get(2).isEmpty()).isTrue();

            // day by day: the 12th had two reports, an acceptance, a late contact, a return and a merge
            var days = engine.daily(OCTOBER, UnitDimension.DISTRICT, "JN", KpiFilter.ALL);
            assertThat(days).hasSize(31);
            assertThat(days.get(LocalDate.of(2026, 10, 12)).counts()).isEqualTo(counts(
                    "RECEIVED=2 ACCEPTED=1 CONTACTED=1 RETURNS=1 REPEAT_REQUESTS=1"));
            assertThat(days.get(LocalDate.of(2026, 10, 17)).counts()).as("after T2's extended due day it is overdue")
                    .isEqualTo(counts("OVERDUE_OPEN=2"));
            assertThat(days.values().stream().mapToLong(s -> s.count(Measure.RECEIVED)).sum()).isEqualTo(6);
            assertThat(days.get(LocalDate.of(2026, 10, 15)).counts()).as("T3 accepted on the 15th, closed on the 16th")
                    .containsEntry(Measure.ACCEPTED, 1L).doesNotContainKey(Measure.RESOLVED_OF_ACCEPTED);
            assertThat(days.get(LocalDate.of(2026, 10, 22)).counts()).as("T8 accepted and closed on the 22nd")
                    .containsEntry(Measure.ACCEPTED, 1L).containsEntry(Measure.RESOLVED_OF_ACCEPTED, 1L);

            // daily() groups every day in one query per kind: the same as a sheet per day, from before the
            // history to after "now" (the 1st of December has not ended, the 2nd has not begun)
            Period around = Period.custom(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 12, 2));
            assertThat(DailyAgreement.assertDailyIsEachDaysSheet(engine, around, KpiFilter.ALL)).isGreaterThan(30);
            DailyAgreement.assertDailyIsEachDaysSheet(engine, OCTOBER, KpiFilter.channel(Channel.HOTLINE_8890));
            assertThat(DailyAgreement.total(engine, around, Measure.OVERDUE_OPEN)).as("overdue at the end of many days")
                    .isGreaterThan(20);

            // the period that has not ended looks at open work now
            assertThat(engine.sheet(Period.month(YearMonth.of(2026, 11)), UnitDimension.DISTRICT, "JN", KpiFilter.ALL)
                    .counts()).isEqualTo(counts("ACCEPTED=1 ACCEPTED_ON_TIME=1 OVERDUE_OPEN=3"));
        }
    }

    private static void assertSheets(SqlKpiEngine engine, UnitDimension d, Map<String, String> expected) {
        Map<String, Map<Measure, Long>> actual = engine.sheets(OCTOBER, d, KpiFilter.ALL).stream()
                .filter(s -> !s.isEmpty()).collect(Collectors.toMap(KpiSheet::unitId, KpiSheet::counts));
        Map<String, Map<Measure, Long>> wanted = expected.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> counts(e.getValue())));
        assertThat(actual).as(d.name()).isEqualTo(wanted);
    }

    private static Map<Measure, Long> counts(String text) {
        Map<Measure, Long> counts = new EnumMap<>(Measure.class);
        Arrays.stream(text.trim().split("\\s+")).map(kv -> kv.split("="))
                .forEach(kv -> counts.merge(Measure.valueOf(kv[0]), Long.parseLong(kv[1]), Long::sum));
        return counts;
    }

    /// T1..T8, each step at its own time (Beijing); see the class comment and docs/assessment.md.
    private void history() {
        // T1: reported and accepted the day before the holiday, handled after it: 2 working days (2,880 minutes)
        Ticket t = report(hotline("T1", "XSG-012-03", "2026-09-30T10:00"), "JN-XSG", HOTLINE);
        t1 = t.id();
        t = act(t, "2026-09-30T10:20", new TicketCommand.Accept(ITEM, DeadlinePolicy.general(), false), XSG_DISPATCHER);
        t = act(t, "2026-09-30T11:00", new TicketCommand.ContactCitizen("已联系"), XSG_DISPATCHER);
        t = act(t, "2026-09-30T11:10", new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
        t = act(t, "2026-09-30T11:30", new TicketCommand.Sign(), XSG_CG_HANDLER);
        t = act(t, "2026-10-09T10:20", new TicketCommand.ReportHandled("已修复", List.of()), XSG_CG_HANDLER);
        t = act(t, "2026-10-09T11:00", new TicketCommand.VerifyPass(null), XSG_DISPATCHER);
        t = act(t, "2026-10-09T12:00", new TicketCommand.CallBack(CallbackResult.SATISFIED, null), XSG_DISPATCHER);
        act(t, "2026-10-09T12:30", new TicketCommand.Close(null), XSG_DISPATCHER);

        // T2: late acceptance and contact, a return, urges, an extension, a rework, a dissatisfied callback, a reopen: open and overdue
        t = report(hotline("T2", "XSG-012-04", "2026-10-12T09:00"), "JN-XSG", HOTLINE);
        t2 = t.id();
        Ticket master = t;
        // T4: the same request again, folded into T2
        Ticket dup = report(hotline("T4", "XSG-012-03", "2026-10-12T09:05"), "JN-XSG", HOTLINE);
        t4 = dup.id();
        act(dup, "2026-10-12T09:20", new TicketCommand.Merge(master), XSG_DISPATCHER);
        t = act(t, "2026-10-12T09:45", new TicketCommand.Accept(ITEM, DeadlinePolicy.urgent(), false), XSG_DISPATCHER);
        t = act(t, "2026-10-12T10:00", new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
        t = act(t, "2026-10-12T11:00", new TicketCommand.Return("不属本队职责"), XSG_CG_HANDLER);
        t = act(t, "2026-10-12T12:00", new TicketCommand.ContactCitizen("已联系"), XSG_DISPATCHER);
        t = act(t, "2026-10-12T13:00", new TicketCommand.Dispatch("JN-XSG-AJ"), XSG_DISPATCHER);
        t = act(t, "2026-10-12T13:30", new TicketCommand.Sign(), XSG_AJ_HANDLER);
        t = act(t, "2026-10-13T09:00", new TicketCommand.Urge("尽快"), XSG_SUPERVISOR);
        t = act(t, "2026-10-13T10:00", new TicketCommand.RequestExtension(2, "需协调"), XSG_AJ_HANDLER);
        t = act(t, "2026-10-13T11:00", new TicketCommand.ApproveExtension(true, null), XSG_SUPERVISOR);
        t = act(t, "2026-10-13T15:00", new TicketCommand.Urge("再催"), XSG_SUPERVISOR);
        t = act(t, "2026-10-20T10:00", new TicketCommand.ReportHandled("已处理", List.of()), XSG_AJ_HANDLER);
        t = act(t, "2026-10-20T11:00", new TicketCommand.VerifyFail("未处理到位"), XSG_DISPATCHER);
        t = act(t, "2026-10-21T09:00", new TicketCommand.ReportHandled("已返工", List.of()), XSG_AJ_HANDLER);
        t = act(t, "2026-10-21T10:00", new TicketCommand.VerifyPass(null), XSG_DISPATCHER);
        t = act(t, "2026-10-21T11:00", new TicketCommand.CallBack(CallbackResult.DISSATISFIED, "仍有问题"), XSG_DISPATCHER);
        act(t, "2026-10-21T12:00", new TicketCommand.Reopen("群众不满意"), XSG_DISPATCHER);

        // T3: a town ticket with a whistle: one department checks in on time, one late; 1,490 working minutes
        t = report(new Intake(Channel.GRID_APP, "T3", "河道漂浮物", "GG-001-01", shanghai("2026-10-15T09:00")), "JN-GG", GRID_APP);
        t3 = t.id();
        t = act(t, "2026-10-15T09:10", new TicketCommand.Accept(ITEM, DeadlinePolicy.general(), false), GG_DISPATCHER);
        t = act(t, "2026-10-15T09:30", new TicketCommand.Whistle(List.of("JN-CGW", "JN-SWJ")), GG_DISPATCHER);
        t = act(t, "2026-10-15T10:00", new TicketCommand.ContactCitizen("已联系"), GG_DISPATCHER);
        t = act(t, "2026-10-15T10:05", new TicketCommand.Dispatch("JN-GG-CG"), GG_DISPATCHER);
        t = act(t, "2026-10-15T10:30", new TicketCommand.CheckIn(), CGW_HANDLER);
        t = act(t, "2026-10-15T11:00", new TicketCommand.Sign(), GG_CG_HANDLER);
        t = act(t, "2026-10-15T14:00", new TicketCommand.CheckIn(), SWJ_HANDLER);
        t = act(t, "2026-10-16T10:00", new TicketCommand.ReportHandled("已打捞", List.of()), GG_CG_HANDLER);
        t = act(t, "2026-10-16T11:00", new TicketCommand.VerifyPass(null), GG_DISPATCHER);
        t = act(t, "2026-10-16T12:00", new TicketCommand.CallBack(CallbackResult.BASICALLY_SATISFIED, null), GG_DISPATCHER);
        act(t, "2026-10-16T12:30", new TicketCommand.Close(null), GG_DISPATCHER);

        // T5: escalated to the district, handled by a department after its due day: late, 11,565 working minutes
        t = report(hotline("T5", "XSG-012-03", "2026-10-20T09:00"), "JN-XSG", HOTLINE);
        t5 = t.id();
        t = act(t, "2026-10-20T09:15", new TicketCommand.Accept(ITEM, DeadlinePolicy.general(), false), XSG_DISPATCHER);
        t = act(t, "2026-10-20T09:30", new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
        t = act(t, "2026-10-20T10:00", new TicketCommand.Escalate("需区级协调"), XSG_SUPERVISOR);
        t = act(t, "2026-10-20T10:30", new TicketCommand.Accept(ITEM, DeadlinePolicy.general(), false), JN_DISPATCHER);
        t = act(t, "2026-10-20T10:40", new TicketCommand.Dispatch("JN-CGW"), JN_DISPATCHER);
        t = act(t, "2026-10-20T11:00", new TicketCommand.Sign(), CGW_HANDLER);
        t = act(t, "2026-10-30T10:00", new TicketCommand.ReportHandled("已处理", List.of()), CGW_HANDLER);
        t = act(t, "2026-10-30T11:00", new TicketCommand.VerifyPass(null), JN_DISPATCHER);
        t = act(t, "2026-10-30T12:00", new TicketCommand.CallBack(CallbackResult.SATISFIED, null), JN_DISPATCHER);
        act(t, "2026-10-30T12:30", new TicketCommand.Close(null), JN_DISPATCHER);

        // T6: reported ten minutes before the month ends, accepted in November
        t = report(hotline("T6", "XSG-012-04", "2026-10-31T23:50"), "JN-XSG", HOTLINE);
        t6 = t.id();
        act(t, "2026-11-01T00:10", new TicketCommand.Accept(ITEM, DeadlinePolicy.general(), false), XSG_DISPATCHER);

        // T7: reported the night before the holiday, accepted on it, never worked: due 10-15, overdue
        t = report(hotline("T7", "XSG-012-03", "2026-09-30T23:59"), "JN-XSG", HOTLINE);
        t7 = t.id();
        act(t, "2026-10-01T00:20", new TicketCommand.Accept(ITEM, DeadlinePolicy.general(), false), XSG_DISPATCHER);

        // T8: a question answered by the centre (contacted by the answer), 55 working minutes
        t = report(hotline("T8", "GG-001-01", "2026-10-22T09:00"), "JN-GG", HOTLINE);
        t8 = t.id();
        t = act(t, "2026-10-22T09:05", new TicketCommand.Accept(ASKING_ITEM, DeadlinePolicy.general(), true), GG_DISPATCHER);
        t = act(t, "2026-10-22T10:00", new TicketCommand.Answer("已解答"), GG_DISPATCHER);
        t = act(t, "2026-10-22T11:00", new TicketCommand.CallBack(CallbackResult.SATISFIED, null), GG_DISPATCHER);
        act(t, "2026-10-22T11:30", new TicketCommand.Close(null), GG_DISPATCHER);
    }

    private static Intake hotline(String id, String grid, String at) {
        return new Intake(Channel.HOTLINE_8890, id, "来电诉求 " + id, grid, shanghai(at));
    }

    private Ticket report(Intake intake, String centre, Actor actor) {
        moveTo(intake.reportedAt());
        return service.report(intake, centre, actor).after();
    }

    private Ticket act(Ticket t, String at, TicketCommand command, Actor actor) {
        moveTo(shanghai(at));
        return service.execute(t, command, actor).after();
    }

    private void moveTo(java.time.Instant at) {
        clock.advance(Duration.between(clock.now(), at));
    }

    /// The organisation of [LifecycleFixture], two communities with three grids and their workers,
    /// and the two items the history uses.
    private static void district(DSLContext dsl) {
        for (Unit u : LifecycleFixture.ORGANISATION.units()) {
            dsl.insertInto(ORG_UNIT).values(u.id(), u.name(), u.level().name(), u.kind().name(), u.parentId(),
                    u.isTeam() ? "T" : null, null, null).execute();
        }
        region(dsl, "XSG", "咸水沽镇", "AREA", null);
        region(dsl, "GG", "葛沽镇", "AREA", null);
        region(dsl, "XSG-012", "东升里社区", "COMMUNITY", "XSG");
        region(dsl, "GG-001", "葛沽村", "COMMUNITY", "GG");
        region(dsl, "XSG-012-03", "东升里第3网格", "GRID", "XSG-012");
        region(dsl, "XSG-012-04", "东升里第4网格", "GRID", "XSG-012");
        region(dsl, "GG-001-01", "葛沽村第1网格", "GRID", "GG-001");
        worker(dsl, "W-1", "张网格", "XSG-012-03", "XSG-012", false);
        worker(dsl, "W-2", "李网格", "XSG-012-04", "XSG-012", false);
        worker(dsl, "W-3", "王网格", "GG-001-01", "GG-001", false);
        worker(dsl, "W-L", "赵网格长", null, "XSG-012", true);
        dsl.insertInto(TAXONOMY_ITEM).values(ITEM, "井盖缺失", "C05", "C05-03", "GENERAL", 7, false, "T", "T").execute();
        dsl.insertInto(TAXONOMY_ITEM).values(ASKING_ITEM, "政策咨询", "C01", "C01-01", "GENERAL", 7, true, "T", "T").execute();
    }

    private static void region(DSLContext dsl, String code, String name, String level, String parent) {
        dsl.insertInto(REGION).values(code, name, level, parent, 1.0, "POINT (117.4 38.9)", null).execute();
    }

    private static void worker(DSLContext dsl, String id, String name, String grid, String community, boolean leader) {
        dsl.insertInto(GRID_WORKER).values(id, name, "13800000000", grid, community, leader).execute();
    }
}
