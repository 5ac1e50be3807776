package org.griddesk.supervise.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.jooq.Tables.VISIT_EVENT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.SmallVisitDistrict;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The overdue visits as a centre's people see them on a real store ([SmallVisitDistrict]): a town
/// centre its town by community and household, the district centre the district; masked households;
/// a declaration refused in words changes nothing, one accepted puts its visits in the list.
class OverdueVisitsViewModelTest {
    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(SmallVisitDistrict.NOW, Duration.ZERO);

    private OverdueVisitsViewModel model(Database db, String unit, Role role) {
        Session session = new Session("a-" + unit + role, "u", "值班长", unit, Set.of(role), Instant.EPOCH,
                new Workstation("test", "127.0.0.1"));
        return new OverdueVisitsViewModel(() -> db, session, new CurrentThreadTaskExecutor(),
                Messages.of(Language.ZH_CN, OverdueVisitsScreen.BUNDLE), clock);
    }

    @Test
    void aTownCentreSeesItsTownByCommunityAndTheDistrictCentreTheDistrict() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            SmallVisitDistrict.write(db.dsl());

            OverdueVisitsViewModel town = model(db, "A1", Role.SUPERVISOR);
            town.load();
            assertThat(town.headingProperty().get()).startsWith("甲镇走访逾期");
            assertThat(town.lines()).extracting(VisitLine::householdId).as("the longest overdue first")
                    .containsExactly("G3-H002", "G2-H001", "G1-H002");
            VisitLine first = town.lines().getFirst();
            assertThat(first.household()).isEqualTo("G3-H002（王*2）");
            assertThat(first.category()).isEqualTo("退役军人");
            assertThat(first.frequency()).isEqualTo("每季度");
            assertThat(first.dueBy()).isEqualTo("2026-09-30");
            assertThat(first.daysOverdue()).isEqualTo(48);
            assertThat(first.lateness()).isEqualTo("48 天");
            assertThat(first.reason()).isEqualTo("例行走访");
            assertThat(first.gridName()).isEqualTo("甲二社区第1网格");
            assertThat(town.lines()).noneMatch(l -> l.household().contains("户主"));
            assertThat(town.communities()).extracting(CommunityLine::communityName, CommunityLine::overdue)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("甲二社区", 1L), org.assertj.core.groups.Tuple.tuple("甲一社区", 2L));
            assertThat(town.communities().getFirst().oldestDaysLate()).isEqualTo(48);
            assertThat(town.messageProperty().get()).startsWith("逾期未访 3 户次，涉及 2 个社区");
            assertThat(town.frequenciesProperty().get()).contains("独居老人 每周", "退役军人 每季度", "低保户 每月");

            // picking a community shows only its households
            town.communityProperty().set(town.communities().get(1));
            assertThat(town.shownLines()).extracting(VisitLine::communityCode).containsOnly("C1").hasSize(2);
            town.communityProperty().set(null);
            assertThat(town.shownLines()).hasSize(3);

            OverdueVisitsViewModel district = model(db, "JN", Role.DISTRICT_MANAGER);
            district.load();
            assertThat(district.headingProperty().get()).startsWith("全区走访逾期");
            assertThat(district.lines()).extracting(VisitLine::householdId).containsExactly("G3-H002", "G2-H001", "G4-H001", "G1-H002");
            assertThat(district.communities()).extracting(CommunityLine::areaName).containsExactly("甲镇", "甲镇", "乙镇");
            assertThat(district.mayDeclare()).as("a district manager reads, a supervisor declares").isFalse();

            OverdueVisitsViewModel dispatcher = model(db, "A1", Role.DISPATCHER);
            dispatcher.load();
            assertThat(dispatcher.lines()).isEmpty();
            assertThat(dispatcher.messageProperty().get()).isEqualTo("角色“DISPATCHER”不能查看走访逾期清单");
        }
    }

    @Test
    void aRefusedDeclarationChangesNothingAndADeclaredEventsVisitsJoinTheList() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            SmallVisitDistrict.write(db.dsl());
            OverdueVisitsViewModel town = model(db, "A1", Role.SUPERVISOR);
            town.load();
            assertThat(town.mayDeclare()).isTrue();

            town.regionCodeProperty().set("A1");
            town.eventTitleProperty().set("燃气泄漏");
            town.declare();
            assertThat(town.declareRefusedProperty().get()).isTrue();
            assertThat(town.declareMessageProperty().get()).startsWith("没有这个社区或网格：A1");
            assertThat(town.eventTitleProperty().get()).as("the form kept").isEqualTo("燃气泄漏");
            town.regionCodeProperty().set("C1");
            town.eventTitleProperty().set("  ");
            town.declare();
            assertThat(town.declareMessageProperty().get()).isEqualTo("请写明重大事件（1 到 200 字）");
            assertThat(db.dsl().fetchCount(VISIT_EVENT)).as("nothing recorded").isZero();
            assertThat(town.lines()).hasSize(3);

            town.communityProperty().set(town.communities().get(1));
            assertThat(town.regionCodeProperty().get()).as("picking a community fills the form").isEqualTo("C1");
            town.eventTitleProperty().set("燃气泄漏");
            town.declare();
            assertThat(town.declareRefusedProperty().get()).isFalse();
            assertThat(db.dsl().fetchCount(VISIT_EVENT)).isEqualTo(1);
            // C1's five households are owed a visit within 24 hours, after the overdue ones
            assertThat(town.lines()).filteredOn(VisitLine::majorEvent).extracting(VisitLine::householdId)
                    .containsExactly("G1-H001", "G1-H002", "G1-H003", "G1-H004", "G2-H001");
            assertThat(town.lines()).filteredOn(VisitLine::majorEvent).allSatisfy(l -> {
                assertThat(l.overdue()).isFalse();
                assertThat(l.reason()).isEqualTo("重大事件：燃气泄漏");
                assertThat(l.dueBy()).isEqualTo("2026-11-19 12:00");
                assertThat(l.lateness()).isEqualTo("未逾期，剩 24 小时");
            });
            assertThat(town.lines().subList(0, 3)).extracting(VisitLine::householdId).containsExactly("G3-H002", "G2-H001", "G1-H002");
            assertThat(town.declareMessageProperty().get()).isEqualTo("已声明重大事件“燃气泄漏”（甲一社区）：5 户须在 2026-11-19 12:00 前走访，已列入上方清单。");
            assertThat(town.eventTitleProperty().get()).isEmpty();
            assertThat(town.declaredProperty().get().householdId()).isEqualTo("G1-H001");
            assertThat(town.messageProperty().get()).contains("另有 5 户次重大事件走访");

            // a day later, the event's unvisited households are overdue too
            clock.advance(Duration.ofHours(25));
            SmallVisitDistrict.visit(db.dsl(), "G1-H003", java.time.LocalDate.of(2026, 11, 19));
            town.load();
            assertThat(town.lines()).filteredOn(VisitLine::majorEvent).allMatch(VisitLine::overdue)
                    .extracting(VisitLine::householdId).containsExactlyInAnyOrder("G1-H001", "G1-H002", "G1-H004", "G2-H001");
            assertThat(town.communities()).filteredOn(c -> c.communityCode().equals("C1")).singleElement()
                    .satisfies(c -> assertThat(c.eventOverdue()).isEqualTo(4));
            assertThat(town.messageProperty().get()).contains("其中重大事件走访 4 户次");

            // another town's community is not this centre's to declare for
            town.regionCodeProperty().set("C3");
            town.eventTitleProperty().set("暴雨积水");
            town.declare();
            assertThat(town.declareMessageProperty().get()).startsWith("C3 不在本镇街（A1）范围内");
            assertThat(db.dsl().fetchCount(VISIT_EVENT)).isEqualTo(1);
        }
    }
}
