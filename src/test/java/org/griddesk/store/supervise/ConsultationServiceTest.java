package org.griddesk.store.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.GG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.JN_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.desk.detail.EventLabels;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.Language;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The hard-case list on a hand-made history whose answer is written here (including tickets that
/// must not be listed), the consultation written into the trails, and the refusals.
class ConsultationServiceTest {
    /// Friday 2026-11-27 10:00 in Tianjin
    private static final java.time.Instant NOW = shanghai("2026-11-27T10:00");

    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(NOW.minus(Duration.ofDays(40)), Duration.ofSeconds(1));
    private ConsultationService consultations;
    private TicketRepository repository;
    private SupervisionTickets make;
    private DSLContext dsl;

    /// the tickets of the story, by letter
    private final Map<String, Ticket> t = new LinkedHashMap<>();

    private void open(Database db) {
        dsl = db.dsl();
        TicketService service = new TicketService(dsl, LifecycleFixture.lifecycle(), clock);
        repository = new TicketRepository(dsl);
        make = new SupervisionTickets(service, clock);
        consultations = new ConsultationService(dsl, service, LifecycleFixture.ORGANISATION, WorkCalendar.builtIn(),
                new AuditLog(dsl, clock, AuditRetention.fromSystemProperty()), clock);
        // one community (红旗社区) with three grids: enough for "same community and item"
        region("XSG-012", "红旗社区", "COMMUNITY", "XSG");
        for (String grid : List.of("XSG-012-03", "XSG-012-05", "XSG-012-07")) {
            region(grid, grid, "GRID", "XSG-012");
        }
        dsl.execute("INSERT INTO taxonomy_item (code, name, category_code, subcategory_code, deadline_class, deadline_days, "
                + "consultation, street_team_type, district_team_type) VALUES ('05-03-012', '井盖缺失', '05', '05-03', 'GENERAL', 7, "
                + "FALSE, 'CG', 'CGW')");
    }

    private void region(String code, String name, String level, String parent) {
        dsl.execute("INSERT INTO region (code, name, region_level, parent_code, density_weight, geometry_wkt) VALUES (?, ?, ?, ?, 1, "
                + "'POLYGON ((0 0, 1 0, 1 1, 0 0))')", code, name, level, parent);
    }

    /// The story, oldest first.
    private void history() {
        // 40 days ago: an old request from the place that repeats now (outside the window: not counted)
        t.put("D", make.reported("XSG-012-03", "津南区津沽路88号", null));
        clock.advance(Duration.ofDays(20));
        // 20 days ago: accepted, due 2026-11-17; more than 5 working days late now
        t.put("I", make.inProgress(make.reported("XSG-020-01")));
        clock.advance(Duration.ofDays(10));
        // 10 days ago: accepted, due 2026-11-26, one working day late now: NOT long overdue
        t.put("J", make.inProgress(make.reported("XSG-020-02")));
        clock.advance(Duration.ofDays(5));
        // 5 days ago
        for (String k : List.of("A", "B", "C")) {
            t.put(k, make.reported("XSG-012-03", "津南区津沽路88号", null));
        }
        t.put("E", make.reported("XSG-050-01", "津南区咸水沽镇光明路1号", "13800000001"));
        t.put("F", make.reported("XSG-050-02", "津南区咸水沽镇光明路9号", "13800000001"));
        t.put("G", make.reported("XSG-050-03", "津南区咸水沽镇红旗路3号", "13800000001"));
        t.put("H", make.reported("XSG-050-04", "津南区咸水沽镇红旗路5号", "13900000002")); // another caller: NOT listed
        t.put("M", make.accepted(make.reported("XSG-012-05")));
        t.put("N", make.accepted(make.reported("XSG-012-07")));
        t.put("O", make.accepted(make.reported("XSG-012-05")));
        Ticket k = make.reopenedAfterDissatisfied(make.inProgress(make.reported("XSG-030-01")));
        t.put("K", make.reopenedAfterDissatisfied(k));
        t.put("L", make.then(make.accepted(make.reported("XSG-040-01")), new TicketCommand.Escalate("跨镇街问题"), XSG_SUPERVISOR));
        clock.advance(Duration.between(clock.now(), NOW));
    }

    /// reason → the codes of each of its cases
    private Map<HardCase.Reason, List<Set<String>>> byReason(List<HardCase> cases) {
        return cases.stream().collect(Collectors.groupingBy(HardCase::reason, LinkedHashMap::new,
                Collectors.mapping(c -> c.tickets().stream().map(TicketLine::code).collect(Collectors.toSet()), Collectors.toList())));
    }

    private Set<String> codes(String... letters) {
        return java.util.Arrays.stream(letters).map(l -> t.get(l).code()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theListHoldsExactlyTheHardCasesEachWithWhyAndItsTickets(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            open(db);
            history();
            List<HardCase> cases = consultations.hardCases(SupervisionTickets.session(JN_SUPERVISOR), HardCaseRules.DEFAULT);

            Map<HardCase.Reason, List<Set<String>>> expected = new LinkedHashMap<>();
            expected.put(HardCase.Reason.SAME_PLACE, List.of(codes("A", "B", "C")));
            expected.put(HardCase.Reason.SAME_COMMUNITY_ITEM, List.of(codes("M", "N", "O")));
            expected.put(HardCase.Reason.SAME_CALLER, List.of(codes("E", "F", "G")));
            expected.put(HardCase.Reason.LONG_OVERDUE, List.of(codes("I")));
            expected.put(HardCase.Reason.REOPENED, List.of(codes("K")));
            expected.put(HardCase.Reason.DISSATISFIED, List.of(codes("K")));
            expected.put(HardCase.Reason.ESCALATED, List.of(codes("L")));
            assertThat(byReason(cases)).isEqualTo(expected);
            Set<String> listed = cases.stream().flatMap(c -> c.tickets().stream()).map(TicketLine::code).collect(Collectors.toSet());
            assertThat(listed).as("old, other caller, only a day late").doesNotContainAnyElementsOf(codes("D", "H", "J"));
            assertThat(cases.stream().filter(c -> c.reason() == HardCase.Reason.SAME_PLACE).findFirst().orElseThrow().key())
                    .isEqualTo("XSG-012-03 津南区津沽路88号");
            assertThat(cases.stream().filter(c -> c.reason() == HardCase.Reason.SAME_COMMUNITY_ITEM).findFirst().orElseThrow().key())
                    .isEqualTo("红旗社区 · 井盖缺失");

            // a town supervisor sees their centre's cases, another town's sees none of these
            assertThat(byReason(consultations.hardCases(SupervisionTickets.session(XSG_SUPERVISOR), HardCaseRules.DEFAULT)))
                    .isEqualTo(expected);
            assertThat(consultations.hardCases(SupervisionTickets.session(GG_SUPERVISOR), HardCaseRules.DEFAULT)).isEmpty();
            // stricter rules: four requests make a repeat, so the three-request cases go
            assertThat(byReason(consultations.hardCases(SupervisionTickets.session(JN_SUPERVISOR), new HardCaseRules(30, 4, 5, 2))))
                    .doesNotContainKeys(HardCase.Reason.SAME_PLACE, HardCase.Reason.SAME_CALLER, HardCase.Reason.SAME_COMMUNITY_ITEM);
            assertThat(dsl.fetchCount(dsl.selectFrom("audit_log").where("action = 'REPORT_MADE' AND outcome = 'SUCCESS'")))
                    .as("each list made is audited").isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aConsultationIsStoredAndShownInEachConcernedTicketsTrail(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            open(db);
            history();
            Ticket a = repository.get(t.get("A").id());
            Ticket i = repository.get(t.get("I").id());
            Consultation.Draft draft = new Consultation.Draft(LocalDate.parse("2026-11-27"), "区城管委、咸水沽镇、区水务局",
                    "津沽路88号井盖反复缺失，产权不清", "由咸水沽镇牵头，城管委明确产权后一周内补装", "JN-XSG", LocalDate.parse("2026-12-04"));

            Consultation done = consultations.record(SupervisionTickets.session(JN_SUPERVISOR), draft,
                    Map.of(a.id(), "SAME_PLACE", i.id(), "LONG_OVERDUE"));

            assertThat(consultations.recent(SupervisionTickets.session(JN_SUPERVISOR), 10)).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo(done.id());
                assertThat(c.units()).isEqualTo("区城管委、咸水沽镇、区水务局");
                assertThat(c.findings()).isEqualTo("津沽路88号井盖反复缺失，产权不清");
                assertThat(c.followUpUnitId()).isEqualTo("JN-XSG");
                assertThat(c.followUpDue()).isEqualTo(LocalDate.parse("2026-12-04"));
                assertThat(c.tickets()).containsExactlyInAnyOrder(a.id(), i.id());
            });
            for (Ticket before : List.of(a, i)) {
                Ticket after = repository.get(before.id());
                assertThat(after.version()).isEqualTo(before.version() + 1);
                assertThat(after.state()).isEqualTo(before.state());
                List<RecordedEvent> trail = repository.trail(before.id());
                assertThat(TicketEvolution.replay(after.id(), after.code(), trail)).as("the trail rebuilds the ticket").isEqualTo(after);
                RecordedEvent last = trail.getLast();
                assertThat(last.event()).isEqualTo(new TicketEvent.Consulted(done.id(), LocalDate.parse("2026-11-27"),
                        "由咸水沽镇牵头，城管委明确产权后一周内补装", "JN-XSG", LocalDate.parse("2026-12-04")));
                assertThat(last.actorId()).isEqualTo(JN_SUPERVISOR.id());
                // the detail pane's words for it
                String words = EventLabels.text(last.event(), Language.ZH_CN,
                        id -> LifecycleFixture.ORGANISATION.unit(id).orElseThrow().name());
                assertThat(words).isEqualTo("会商 2026-11-27：由咸水沽镇牵头，城管委明确产权后一周内补装（跟进：咸水沽镇网格化管理中心，2026-12-04 前）");
                assertThat(EventLabels.key(last.event())).isEqualTo("event.Consulted");
            }
            assertThat(dsl.fetchCount(dsl.selectFrom("audit_log").where("action = 'CONSULTATION_RECORDED' AND outcome = 'SUCCESS'")))
                    .isEqualTo(1);
            assertThat(dsl.fetchCount(dsl.selectFrom("ticket_event").where("event_type = 'Consulted'"))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyASupervisorOfTheDistrictCentreRecordsAndBadInputWritesNothing(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            open(db);
            history();
            Ticket a = repository.get(t.get("A").id());
            Consultation.Draft draft = new Consultation.Draft(LocalDate.parse("2026-11-27"), "区城管委", "反复来件", "限期整治",
                    "JN-XSG", LocalDate.parse("2026-12-04"));
            Map<Long, String> concerned = Map.of(a.id(), "SAME_PLACE");
            Actor manager = new Actor("u-jn-mgr", "区管理人员", Role.DISTRICT_MANAGER, LifecycleFixture.DISTRICT);
            for (Actor who : List.of(XSG_SUPERVISOR, JN_DISPATCHER, manager, XSG_DISPATCHER)) {
                Session session = SupervisionTickets.session(who);
                assertThatThrownBy(() -> consultations.record(session, draft, concerned)).as(who.name())
                        .isInstanceOfSatisfying(SupervisionRefused.class, r -> {
                            assertThat(r.messageKey()).isEqualTo("consult.refused.record");
                            assertThat(r.message(Locale.CHINA)).contains("区级网格化管理中心的值班长");
                        });
            }
            Session jn = SupervisionTickets.session(JN_SUPERVISOR);
            assertThatThrownBy(() -> consultations.record(jn, new Consultation.Draft(draft.heldOn(), "区城管委", "反复来件", " ",
                    "JN-XSG", draft.followUpDue()), concerned))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.refused.blank"));
            assertThatThrownBy(() -> consultations.record(jn, new Consultation.Draft(draft.heldOn(), "区城管委", "反复来件", "限期整治",
                    "JN-XSG", LocalDate.parse("2026-11-20")), concerned))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.refused.dates"));
            assertThatThrownBy(() -> consultations.record(jn, draft, Map.of()))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.refused.noTickets"));
            // a dispatcher may not read the list
            assertThatThrownBy(() -> consultations.hardCases(SupervisionTickets.session(XSG_DISPATCHER), HardCaseRules.DEFAULT))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.refused.read"));

            assertThat(dsl.fetchCount(dsl.selectFrom("consultation"))).isZero();
            assertThat(dsl.fetchCount(dsl.selectFrom("ticket_event").where("event_type = 'Consulted'"))).isZero();
            assertThat(repository.get(a.id()).version()).isEqualTo(a.version());
            assertThat(dsl.fetchCount(dsl.selectFrom("audit_log").where("outcome = 'REFUSED'")))
                    .as("the four refused for who they are, and the dispatcher's reading").isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStaleTicketWritesNoConsultationAtAll(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            open(db);
            history();
            Ticket a = repository.get(t.get("A").id());
            // the lifecycle refuses on a rejected ticket: the whole record is refused, nothing written
            Ticket rejected = make.then(a, new TicketCommand.RejectInvalid("重复骚扰"), XSG_DISPATCHER);
            assertThat(rejected.state()).isEqualTo(TicketState.REJECTED);
            Consultation.Draft draft = new Consultation.Draft(LocalDate.parse("2026-11-27"), "区城管委", "反复来件", "限期整治",
                    "JN-XSG", LocalDate.parse("2026-12-04"));
            long i = t.get("I").id();
            assertThatThrownBy(() -> consultations.record(SupervisionTickets.session(JN_SUPERVISOR), draft,
                    Map.of(i, "LONG_OVERDUE", rejected.id(), "SAME_PLACE")))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.refused.ticket"));
            assertThat(dsl.fetchCount(dsl.selectFrom("consultation"))).isZero();
            assertThat(dsl.fetchCount(dsl.selectFrom("ticket_event").where("event_type = 'Consulted'"))).isZero();
        }
    }
}
