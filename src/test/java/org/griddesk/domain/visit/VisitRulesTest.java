package org.griddesk.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.junit.jupiter.api.Test;

class VisitRulesTest {
    /// Wednesday 18 November 2026, noon in Tianjin
    private static final Instant NOW = Instant.parse("2026-11-18T04:00:00Z");
    private final VisitRules rules = new VisitRules(VisitSchedule.DEFAULT);

    private static HouseholdLastVisit household(Category category, LocalDate lastDay) {
        return new HouseholdLastVisit("G1-H001", "G1", "C1", "A1", category, lastDay, null);
    }

    @Test
    void periodsAreCalendarWeeksMonthsAndQuarters() {
        LocalDate day = LocalDate.of(2026, 11, 18);
        assertThat(VisitFrequency.WEEKLY.periodOf(day)).isEqualTo(new VisitPeriod(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)));
        assertThat(VisitFrequency.MONTHLY.previousOf(day)).isEqualTo(new VisitPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
        assertThat(VisitFrequency.QUARTERLY.periodOf(day)).isEqualTo(new VisitPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(VisitFrequency.QUARTERLY.previousOf(LocalDate.of(2026, 1, 5)))
                .isEqualTo(new VisitPeriod(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)));
        // November 2026 begins on a Sunday and ends on a Monday: six weeks touch it
        List<VisitPeriod> weeks = VisitFrequency.WEEKLY.periodsOverlapping(YearMonth.of(2026, 11));
        assertThat(weeks).hasSize(6);
        assertThat(weeks.getFirst().first()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(weeks.getLast().last()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(VisitFrequency.QUARTERLY.periodsOverlapping(YearMonth.of(2026, 11))).hasSize(1);
    }

    @Test
    void aHouseholdVisitedThisPeriodIsOwedNothing() {
        assertThat(rules.owed(household(Category.POOR, LocalDate.of(2026, 11, 2)), List.of(), NOW)).isEmpty();
        assertThat(rules.owed(household(Category.ELDER_ALONE, LocalDate.of(2026, 11, 16)), List.of(), NOW)).isEmpty();
    }

    @Test
    void aHouseholdVisitedLastPeriodIsOwedByTheEndOfThisOne() {
        List<VisitDue> owed = rules.owed(household(Category.ELDER_ALONE, LocalDate.of(2026, 11, 15)), List.of(), NOW);
        assertThat(owed).singleElement().satisfies(d -> {
            assertThat(d.overdue()).isFalse();
            assertThat(d.frequency()).isEqualTo(VisitFrequency.WEEKLY);
            assertThat(d.dueBy()).as("the end of Sunday 22 November in Tianjin").isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        });
    }

    @Test
    void aMissedPeriodMakesTheVisitOverdueSinceItsEnd() {
        List<VisitDue> owed = rules.owed(household(Category.ELDER_ALONE, LocalDate.of(2026, 11, 8)), List.of(), NOW);
        assertThat(owed).singleElement().satisfies(d -> {
            assertThat(d.overdue()).isTrue();
            assertThat(d.dueBy()).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
        });
        // the same day is in time for a monthly household, and for a quarterly one
        assertThat(rules.owed(household(Category.POOR, LocalDate.of(2026, 11, 8)), List.of(), NOW)).isEmpty();
        assertThat(rules.owed(household(Category.VETERAN, LocalDate.of(2026, 8, 8)), List.of(), NOW))
                .singleElement().extracting(VisitDue::overdue).isEqualTo(false);
        assertThat(rules.owed(household(Category.VETERAN, null), List.of(), NOW))
                .as("never visited").singleElement().extracting(VisitDue::overdue).isEqualTo(true);
    }

    @Test
    void aMajorEventCallsForAVisitWithin24HoursOfItsDeclaration() {
        Instant declared = NOW.minusSeconds(3600);
        MajorEvent flood = new MajorEvent(7, "C1", "内涝", "值班长", declared, declared.plus(MajorEvent.WINDOW));
        MajorEvent elsewhere = new MajorEvent(8, "C9", "火情", "值班长", declared, declared.plus(MajorEvent.WINDOW));
        HouseholdLastVisit visitedToday = household(Category.POOR, LocalDate.of(2026, 11, 18));
        List<VisitDue> owed = rules.owed(visitedToday, List.of(flood, elsewhere), NOW);
        assertThat(owed).as("a visit known by its day only counts from that day's start: before the declaration")
                .singleElement().satisfies(d -> {
                    assertThat(d.reason()).isEqualTo(VisitDue.Reason.MAJOR_EVENT);
                    assertThat(d.eventId()).isEqualTo(7);
                    assertThat(d.overdue()).isFalse();
                });
        HouseholdLastVisit answered = new HouseholdLastVisit("G1-H001", "G1", "C1", "A1", Category.POOR, LocalDate.of(2026, 11, 18),
                declared.plusSeconds(60));
        assertThat(rules.owed(answered, List.of(flood), NOW)).isEmpty();
        assertThat(rules.owed(visitedToday, List.of(flood), declared.plus(MajorEvent.WINDOW).plusSeconds(1)))
                .singleElement().extracting(VisitDue::overdue).isEqualTo(true);
    }

    @Test
    void aMonthsPlanHoldsEachPeriodOfTheFrequencyWithItsVisit() {
        VisitRules.PlannedVisits weekly = rules.plan("H", Category.ELDER_ALONE, YearMonth.of(2026, 11),
                List.of(LocalDate.of(2026, 10, 27), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4), LocalDate.of(2026, 12, 1)));
        assertThat(weekly.due()).isEqualTo(6);
        assertThat(weekly.made()).as("the week of 26 Oct, of 2 Nov and of 30 Nov").isEqualTo(3);
        assertThat(weekly.visitedOn().get(1)).isEqualTo(LocalDate.of(2026, 11, 3));
        VisitRules.PlannedVisits quarterly = rules.plan("H", Category.RELIGIOUS, YearMonth.of(2026, 11), List.of(LocalDate.of(2026, 10, 2)));
        assertThat(quarterly.due()).isEqualTo(1);
        assertThat(quarterly.made()).isEqualTo(1);
    }

    @Test
    void anAdministratorChangesAGroupsFrequencyAndAMistakeIsNamed() {
        VisitSchedule changed = VisitSchedule.DEFAULT.withOverrides(Map.of("visits.frequency.POOR", "weekly", "other.key", "x"));
        assertThat(changed.of(Category.POOR)).isEqualTo(VisitFrequency.WEEKLY);
        assertThat(changed.of(Category.DISABLED)).isEqualTo(VisitSchedule.DEFAULT.of(Category.DISABLED));
        assertThatThrownBy(() -> VisitSchedule.DEFAULT.withOverrides(Map.of("visits.frequency.POOR", "daily")))
                .hasMessageContaining("visits.frequency.POOR");
        assertThatThrownBy(() -> VisitSchedule.DEFAULT.withOverrides(Map.of("visits.frequency.NOBODY", "WEEKLY")))
                .hasMessageContaining("NOBODY");
    }

    @Test
    void refusalsReadInBothLanguages() {
        VisitRefused refused = new VisitRefused("visits.refused.role", "DISPATCHER", "visits.action.declare");
        assertThat(refused.bilingual()).isEqualTo("角色“DISPATCHER”不能宣布重大事件 / the role DISPATCHER may not declare a major event");
    }
}
