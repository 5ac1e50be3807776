package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.DocumentedPermissions;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/// 席位录入 through the intake every channel uses, on a store with the demo district (H2): a phone
/// call and a walk-in taken by a town dispatcher become tickets of the desk channel in the taker's
/// centre with the taker in the trail; the same form taken twice is one ticket; who may is the
/// permission table's `DESK_ENTRY` for a centre's people; bad input is refused by field and writes
/// nothing; the duplicate candidates shown while typing write nothing either.
class DeskIntakeTest {
    private static final String GRID = "XSG-001-02";

    @TempDir
    static Path temp;

    private static CommandCentre centre;
    private static Database db;
    private static DeskIntake desk;
    private static Organisation organisation;
    private static Actor dispatcher;
    private static TicketService tickets;
    private static int entries;

    @BeforeAll
    static void store() {
        centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp));
        db = centre.admin();
        DistrictRepository district = new DistrictRepository(db.dsl());
        organisation = district.organisation();
        List<Region> regions = new ArrayList<>();
        for (RegionLevel level : List.of(RegionLevel.AREA, RegionLevel.COMMUNITY, RegionLevel.GRID)) {
            regions.addAll(district.regions(level));
        }
        TicketLifecycle lifecycle = new TicketLifecycle(WorkCalendar.builtIn(), organisation, LifecycleRules.DEFAULT);
        tickets = new TicketService(db.dsl(), lifecycle, Clock.systemUTC());
        IntakeService intake = new IntakeService(tickets, new TicketRepository(db.dsl()),
                new IntakeRepository(db.dsl()), regions, district.cameras(), district.taxonomy(), organisation, null, Clock.systemUTC());
        desk = new DeskIntake(intake, Clock.systemUTC());
        dispatcher = person(Role.DISPATCHER, "XSG");
    }

    @AfterAll
    static void close() {
        centre.close();
    }

    private static Actor person(Role role, String unit) {
        Unit u = organisation.unit(unit).orElseThrow();
        return new Actor("u-desk-" + role.name().toLowerCase() + "-" + unit, "测试" + role.name(), role, u);
    }

    private static DeskEntry call(String phone, String content) {
        return new DeskEntry("E" + (++entries) + "abcdef", DeskEntry.Arrival.PHONE, "张先生", phone, "丰泽道12号", GRID, null, null,
                content, null, false);
    }

    private static int tickets() {
        return db.dsl().fetchCount(DSL.table("ticket"));
    }

    @Test
    void aPhoneCallTakenAtTheDeskIsADeskTicketOfTheTakersCentreWithTheTakerInTheTrail() {
        DeskEntry entry = new DeskEntry("A1b2c3d4", DeskEntry.Arrival.PHONE, " 张先生 ", "+86 138-００１３－8000", "丰泽道与津沽路交口", GRID,
                null, null, "丰泽道与津沽路交口井盖缺失，夜间有行人跌倒风险", "06-03-002", true);
        IntakeService.Accepted accepted = desk.take(dispatcher, entry);

        Ticket t = new TicketRepository(db.dsl()).get(accepted.ticket().id());
        assertThat(t.state()).isEqualTo(TicketState.REPORTED);
        assertThat(t.intake().channel()).isEqualTo(Channel.DESK);
        assertThat(t.intake().externalId()).as("how it came, and the form's number").isEqualTo("电话-A1b2c3d4");
        assertThat(t.intake().gridCode()).isEqualTo(GRID);
        assertThat(t.ownerUnitId()).isEqualTo("XSG");
        assertThat(t.intake().caller().name()).isEqualTo("张先生");
        assertThat(t.intake().caller().phone()).as("full-width digits and dash as ASCII").isEqualTo("13800138000");
        assertThat(t.intake().place().address()).isEqualTo("丰泽道与津沽路交口");
        IntakeDetail detail = new IntakeRepository(db.dsl()).detail(t.id()).orElseThrow();
        assertThat(detail.itemHint()).isEqualTo("06-03-002");
        assertThat(detail.urgent()).isTrue();
        assertThat(detail.locatedBy()).isEqualTo(IntakeDetail.Locating.GIVEN);

        List<RecordedEvent> trail = new TicketRepository(db.dsl()).trail(t.id());
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.event()).isInstanceOf(TicketEvent.Reported.class);
            assertThat(((TicketEvent.Reported) e.event()).intake().channel()).isEqualTo(Channel.DESK);
            assertThat(e.actorId()).as("the person who took it").isEqualTo(dispatcher.id());
            assertThat(e.actorRole()).isEqualTo(Role.DISPATCHER);
            assertThat(e.actorUnitId()).isEqualTo("XSG");
        });
    }

    @Test
    void theSameFormTakenTwiceIsOneTicket() {
        DeskEntry entry = call("13900001111", "小区门口路灯不亮好几天了");
        int before = tickets();
        IntakeService.Accepted first = desk.take(dispatcher, entry);
        IntakeService.Accepted again = desk.take(dispatcher, entry);
        assertThat(again.ticket().id()).isEqualTo(first.ticket().id());
        assertThat(again.alreadyThere()).isTrue();
        assertThat(tickets()).isEqualTo(before + 1);
    }

    @Test
    void aCallAboutATownGridTakenAtTheDistrictCentreStaysWithTheDistrictCentre() {
        Actor district = person(Role.SUPERVISOR, "JN");
        Ticket t = desk.take(district, call("13900002222", "河边护栏破损，有安全隐患")).ticket();
        assertThat(t.ownerUnitId()).as("first-asked responsibility (首问首办)").isEqualTo("JN");
        assertThat(t.intake().gridCode()).isEqualTo(GRID);
    }

    @Test
    void aWalkInMayLeaveNoPhoneAndIsPlacedByThePointPickedOnTheMap() {
        Region grid = new DistrictRepository(db.dsl()).regions(RegionLevel.GRID).stream().filter(r -> r.code().equals("XSG-002-01"))
                .findFirst().orElseThrow();
        Point inside = grid.mainPart().getInteriorPoint();
        DeskEntry walkIn = new DeskEntry("W1x2y3z4", DeskEntry.Arrival.WALK_IN, "", "", "", null, inside.getX(), inside.getY(),
                "楼道里堆满杂物，影响消防通道", null, false);
        IntakeService.Accepted accepted = desk.take(dispatcher, walkIn);
        assertThat(accepted.ticket().intake().externalId()).isEqualTo("来访-W1x2y3z4");
        assertThat(accepted.ticket().intake().caller()).isNull();
        assertThat(accepted.ticket().intake().gridCode()).isEqualTo("XSG-002-01");
        assertThat(accepted.locatedBy()).isEqualTo(IntakeDetail.Locating.POINT);
    }

    @Test
    void onlyTheDispatchersAndSupervisorsOfACentreMayEnterTicketsAtTheDesk() {
        Map<Role, String> units = Map.of(Role.HANDLER, "XSG-CG");
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.CHANNEL))) {
            Actor actor = person(role, units.getOrDefault(role, "XSG"));
            boolean documented = DocumentedPermissions.allows(role, Permission.DESK_ENTRY);
            assertThat(DeskIntake.mayTake(actor)).as(role.name()).isEqualTo(documented);
            int before = tickets();
            if (documented) {
                assertThat(desk.take(actor, call("13900003333", "噪音扰民，晚上十点后仍在施工 " + role)).ticket().ownerUnitId())
                        .isEqualTo("XSG");
            } else {
                assertThatThrownBy(() -> desk.take(actor, call("13900003333", "噪音扰民，晚上十点后仍在施工")))
                        .as(role.name()).isInstanceOfSatisfying(DeskEntryRefused.class, r -> {
                            assertThat(r.errors()).extracting(FieldError::field).containsExactly("taker");
                            assertThat(r.errors().getFirst().zh()).contains("调度员和值班长");
                        });
                assertThat(tickets()).as("a refusal writes nothing").isEqualTo(before);
            }
        }
        assertThat(DocumentedPermissions.table().entrySet().stream().filter(e -> e.getValue().contains(Permission.DESK_ENTRY))
                .map(Map.Entry::getKey).toList()).containsExactlyInAnyOrder(Role.DISPATCHER, Role.SUPERVISOR);
        // a dispatcher's role in a team's unit is no centre's
        Actor outOfCentre = new Actor("u-odd", "错位调度", Role.DISPATCHER, organisation.unit("XSG-CG").orElseThrow());
        assertThat(DeskIntake.mayTake(outOfCentre)).isFalse();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndWritesNothing() {
        String longText = "长".repeat(DeskIntake.MAX_CONTENT + 1);
        Map<String, DeskEntry> cases = new java.util.LinkedHashMap<>();
        cases.put("callerPhone", call("", "小区门口路灯不亮好几天了"));
        cases.put("callerPhone ", call("12ab5678", "小区门口路灯不亮好几天了"));
        cases.put("content", call("13900004444", "  "));
        cases.put("content ", call("13900004444", longText));
        cases.put("content  ", call("13900004444", "路灯\u0000不亮好几天"));
        cases.put("callerName", new DeskEntry("N1n2n3n4", DeskEntry.Arrival.PHONE, "名".repeat(51), "13900004444", "", GRID, null, null,
                "小区门口路灯不亮好几天了", null, false));
        cases.put("callerPhone  ", new DeskEntry("N1n2n3n5", DeskEntry.Arrival.WALK_IN, "李女士", "", "", GRID, null, null,
                "小区门口路灯不亮好几天了", null, false));
        cases.put("address", new DeskEntry("N1n2n3n6", DeskEntry.Arrival.PHONE, "", "13900004444", "路".repeat(201), GRID, null, null,
                "小区门口路灯不亮好几天了", null, false));
        cases.put("place", new DeskEntry("N1n2n3n7", DeskEntry.Arrival.PHONE, "", "13900004444", "", "NO-SUCH-GRID", null, null,
                "小区门口路灯不亮好几天了", null, false));
        cases.put("place ", new DeskEntry("N1n2n3n8", DeskEntry.Arrival.PHONE, "", "13900004444", "", null, 0.0, 0.0,
                "小区门口路灯不亮好几天了", null, false));
        cases.put("item", new DeskEntry("N1n2n3n9", DeskEntry.Arrival.PHONE, "", "13900004444", "", GRID, null, null,
                "小区门口路灯不亮好几天了", "99-99-999", false));
        int before = tickets();
        cases.forEach((field, entry) -> assertThatThrownBy(() -> desk.take(dispatcher, entry)).as(field)
                .isInstanceOfSatisfying(DeskEntryRefused.class, r -> {
                    assertThat(r.errors()).extracting(FieldError::field).containsExactly(field.strip());
                    assertThat(r.errors().getFirst().zh()).isNotBlank();
                    assertThat(r.errors().getFirst().en()).isNotBlank();
                }));
        assertThat(tickets()).isEqualTo(before);
        assertThat(desk.check(call("139 0000 4444", "小区门口路灯不亮好几天了"))).as("spaces in a phone are fine").isEmpty();
    }

    @Test
    void whileTypingTheOpenTicketsItMayRepeatAreNamedAndNothingIsWritten() {
        Ticket earlier = desk.take(dispatcher, call("13911112222", "津沽苑社区3号楼下水道堵塞，污水外溢")).ticket();
        int before = tickets();

        List<DuplicateSuggestion> byText = desk.candidates(new DeskEntry("T1t2t3t4", DeskEntry.Arrival.PHONE, "", "", "", GRID,
                null, null, "3号楼下水道堵塞，污水外溢到路面", null, false));
        assertThat(byText).extracting(DuplicateSuggestion::candidateCode).contains(earlier.code());
        assertThat(byText.stream().filter(s -> s.candidateId() == earlier.id()).findFirst().orElseThrow().reasons())
                .extracting(DuplicateSuggestion.Reason::kind).contains(DuplicateSuggestion.Kind.TEXT);

        List<DuplicateSuggestion> byPhone = desk.candidates(new DeskEntry("T1t2t3t5", DeskEntry.Arrival.PHONE, "", "139 1111 2222",
                "", GRID, null, null, "还是3号楼下水道的事", null, false));
        assertThat(byPhone.stream().filter(s -> s.candidateId() == earlier.id()).findFirst().orElseThrow().reasons())
                .extracting(DuplicateSuggestion.Reason::kind).contains(DuplicateSuggestion.Kind.SAME_CALLER);

        assertThat(desk.candidates(new DeskEntry("T1t2t3t6", DeskEntry.Arrival.PHONE, "", "", "", null, null, null, "下", null, false)))
                .as("too little typed yet").isEmpty();
        assertThat(desk.candidates(new DeskEntry("T1t2t3t7", DeskEntry.Arrival.PHONE, "'; DROP TABLE ticket; --", "%_*",
                "x".repeat(10_000), "NO-GRID", 999.0, 999.0, "\"*?\" OR 1=1 " + "查".repeat(10_000), "??", false)))
                .as("any text, any size: no failure").isNotNull();
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aCallMergedIntoItsCandidateIsRecordedFirstThenMergedByTheLifecycleAndOnlyOnce() {
        Ticket earlier = desk.take(dispatcher, call("13922223333", "津沽路17号门前路灯不亮")).ticket();
        DeskEntry again = call("13944445555", "津沽路17号路灯还是不亮，又有人打电话");
        int before = tickets();

        DeskIntake.MergeOutcome outcome = desk.takeInto(dispatcher, again, earlier.id());

        assertThat(outcome.merged()).isTrue();
        assertThat(tickets()).as("the caller's request is recorded as a ticket of its own").isEqualTo(before + 1);
        Ticket entered = new TicketRepository(db.dsl()).get(outcome.taken().ticket().id());
        assertThat(entered.state()).isEqualTo(TicketState.MERGED);
        assertThat(entered.intake().caller().phone()).isEqualTo("13944445555");
        assertThat(new TicketRepository(db.dsl()).trail(entered.id())).extracting(RecordedEvent::event)
                .satisfiesExactly(r -> assertThat(r).isInstanceOf(TicketEvent.Reported.class),
                        m -> assertThat(m).isEqualTo(new TicketEvent.Merged(earlier.id(), earlier.code())));
        assertThat(new TicketRepository(db.dsl()).trail(entered.id()).getLast().actorId()).isEqualTo(dispatcher.id());
        assertThat(new TicketRepository(db.dsl()).get(earlier.id()).state()).as("the candidate goes on").isEqualTo(TicketState.REPORTED);

        DeskIntake.MergeOutcome twice = desk.takeInto(dispatcher, again, earlier.id());
        assertThat(twice.merged()).isTrue();
        assertThat(twice.taken().ticket().id()).isEqualTo(entered.id());
        assertThat(tickets()).as("the same form merged again: nothing more").isEqualTo(before + 1);
        assertThat(new TicketRepository(db.dsl()).trail(entered.id())).hasSize(2);
    }

    @Test
    void aMergeTheRulesRefuseKeepsTheNewTicketAndSaysWhy() {
        Ticket closed = desk.take(dispatcher, call("13966667777", "津沽路23号井盖松动")).ticket();
        tickets.execute(closed, new org.griddesk.domain.ticket.TicketCommand.RejectInvalid("重复来电，已在别处处理"), dispatcher);
        int before = tickets();

        DeskIntake.MergeOutcome outcome = desk.takeInto(dispatcher, call("13988889999", "津沽路23号井盖松动有响声"), closed.id());

        assertThat(outcome.merged()).isFalse();
        assertThat(outcome.whyZh()).contains(closed.code());
        assertThat(outcome.whyEn()).contains(closed.code());
        assertThat(tickets()).isEqualTo(before + 1);
        assertThat(new TicketRepository(db.dsl()).get(outcome.taken().ticket().id()).state()).as("kept, in the queue")
                .isEqualTo(TicketState.REPORTED);
        assertThatThrownBy(() -> desk.takeInto(person(Role.HANDLER, organisation.units().stream().filter(Unit::isTeam)
                .findFirst().orElseThrow().id()), call("13911110000", "路灯不亮"), closed.id()))
                .as("who may enter is decided first").isInstanceOf(DeskEntryRefused.class);
    }
}
