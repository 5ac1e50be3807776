package org.griddesk.supervise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.domain.assessment.Measure.CALLBACKS_DONE;
import static org.griddesk.domain.assessment.Measure.RECEIVED;
import static org.griddesk.domain.assessment.Measure.RESOLVED;
import static org.griddesk.domain.assessment.Measure.RESOLVED_ON_TIME;
import static org.griddesk.domain.assessment.Measure.SATISFIED;
import static org.griddesk.domain.ticket.Channel.GRID_APP;
import static org.griddesk.domain.ticket.Channel.HOTLINE_8890;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.PeriodKind;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;

/// The statistics view's model over a small hand-made history whose answers are written here.
class StatisticsViewModelTest {
    private static final Category CITY = new Category("C04", "市容环境", null);
    private static final Category SAFETY = new Category("C07", "公共安全", null);

    /// November 2026: 咸水沽镇 resolved 3 (1, 2 on time; 3 late), 葛沽镇 received 1 and resolved 1 on time;
    /// ticket 5 arrived in October.
    private final HandKpiEngine engine = new HandKpiEngine()
            .fact(1, "2026-11-03", "JN-XSG", "XSG-01", HOTLINE_8890, "C04", RECEIVED, RESOLVED, RESOLVED_ON_TIME, CALLBACKS_DONE, SATISFIED)
            .fact(2, "2026-11-04", "JN-XSG", "XSG-01", HOTLINE_8890, "C04", RECEIVED, RESOLVED, RESOLVED_ON_TIME, CALLBACKS_DONE)
            .fact(3, "2026-11-20", "JN-XSG", "XSG-01", GRID_APP, "C07", RECEIVED, RESOLVED)
            .fact(4, "2026-11-21", "JN-GG", "GG-01", GRID_APP, "C04", RECEIVED, RESOLVED, RESOLVED_ON_TIME)
            .fact(5, "2026-10-30", "JN-GG", "GG-01", HOTLINE_8890, "C04", RECEIVED);

    private StatisticsViewModel model() {
        StatisticsSource source = new StatisticsSource() {
            @Override
            public org.griddesk.domain.assessment.KpiEngine engine() {
                return engine;
            }

            @Override
            public List<Category> categories() {
                return List.of(CITY, SAFETY);
            }
        };
        Clock december = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC);
        return new StatisticsViewModel(source, new CurrentThreadTaskExecutor(), december,
                Messages.of(Language.ZH_CN, "i18n/stats"), Messages.of(Language.ZH_CN));
    }

    @Test
    void theLastWholeMonthIsReadForEveryCentreWithTheTopCategoriesAndTheMap() {
        StatisticsViewModel model = model();

        model.refresh();
        assertThat(model.topCategories()).as("read when its tab is shown").isEmpty();
        model.showing(StatisticsViewModel.Section.RANKING);
        model.showing(StatisticsViewModel.Section.MAP);

        assertThat(model.shownPeriodProperty().get()).isEqualTo(Period.month(java.time.YearMonth.of(2026, 11)));
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.sheets()).extracting(KpiSheet::unitName).containsExactly("咸水沽镇", "葛沽镇");
        KpiSheet xsg = model.sheets().getFirst();
        assertThat(Figure.of(Rate.RESOLVED_ON_TIME).value(xsg).getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(model.towns()).isEqualTo(model.sheets());
        assertThat(model.districtProperty().get().count(RECEIVED)).isEqualTo(4);
        assertThat(model.topCategories()).extracting(c -> c.category().name() + "=" + c.received())
                .containsExactly("市容环境=3", "公共安全=1");
        var map = model.choroplethProperty().get();
        assertThat(map.title()).isEqualTo("来件量 · 2026-11");
        assertThat(map.values()).containsEntry("XSG-01", 3.0).containsEntry("GG-01", 1.0);

        int calls = engine.calls;
        model.mapFigureProperty().set(Figure.of(Rate.RESOLVED_ON_TIME));
        assertThat(engine.calls).as("another figure recolours what was read").isEqualTo(calls);
        assertThat(model.choroplethProperty().get().values()).containsEntry("XSG-01", 2.0 / 3).containsEntry("GG-01", 1.0);
    }

    @Test
    void aTownsOnTimeRateDrillsToItsLateTicketsAndACountToTheTicketsItCounted() throws Exception {
        StatisticsViewModel model = model();
        model.refresh();
        model.showing(StatisticsViewModel.Section.RANKING);
        KpiSheet xsg = model.sheets().getFirst();

        var late = model.drill(xsg, Figure.of(Rate.RESOLVED_ON_TIME));
        var received = model.drill(xsg, Figure.of(RECEIVED));

        assertThat(late.title()).isEqualTo("咸水沽镇 · 按时办结率 · 2026-11 · 未达标 1 件");
        assertThat(late.ids().call()).containsExactly(3L);
        assertThat(received.title()).isEqualTo("咸水沽镇 · 来件量 · 2026-11 · 3 件");
        assertThat(received.ids().call()).containsExactly(3L, 2L, 1L);
        var top = model.drill(model.topCategories().getFirst());
        assertThat(top.title()).isEqualTo("津南区 · 来件量 · 2026-11 · 市容环境 · 3 件");
        assertThat(top.ids().call()).containsExactlyInAnyOrder(1L, 2L, 4L);
    }

    @Test
    void filtersNarrowEveryFigureAndTheDrillSaysSo() throws Exception {
        StatisticsViewModel model = model();
        model.channelProperty().set(Channel.GRID_APP);
        model.refresh();

        assertThat(model.districtProperty().get().count(RECEIVED)).isEqualTo(2);
        var xsg = model.sheets().getFirst();
        assertThat(model.drill(xsg, Figure.of(Rate.RESOLVED_ON_TIME)).title())
                .isEqualTo("咸水沽镇 · 按时办结率 · 2026-11 · 网格员上报 · 未达标 1 件".replace("网格员上报",
                        Messages.of(Language.ZH_CN).get("channel.GRID_APP")));
    }

    @Test
    void aPeriodWithNoDataShowsZerosAndSaysSo() {
        StatisticsViewModel model = model();
        model.dayProperty().set(LocalDate.of(2026, 9, 10));

        model.refresh();
        model.showing(StatisticsViewModel.Section.RANKING);

        assertThat(model.messageProperty().get()).isEqualTo("统计期 2026-09 没有数据：以下各项均为 0。");
        assertThat(model.sheets()).extracting(KpiSheet::unitName).containsExactly("咸水沽镇", "葛沽镇");
        assertThat(model.sheets()).allMatch(KpiSheet::isEmpty);
        assertThat(model.topCategories()).isEmpty();
    }

    @Test
    void aCustomPeriodEndingBeforeItStartsIsRefusedInWordsAndNothingIsRead() {
        StatisticsViewModel model = model();
        model.periodKindProperty().set(PeriodKind.CUSTOM);
        model.dayProperty().set(LocalDate.of(2026, 11, 20));
        model.lastDayProperty().set(LocalDate.of(2026, 11, 5));

        model.refresh();

        assertThat(model.messageProperty().get()).isEqualTo("统计期的截止日 2026-11-05 早于起始日 2026-11-20");
        assertThat(engine.calls).isZero();
        assertThat(model.shownPeriodProperty().get()).isNull();
    }

    @Test
    void trendsSumTheDaysIntoDaysWeeksOrMonthsAndDrillByBucket() throws Exception {
        StatisticsViewModel model = model();
        model.refresh();
        assertThat(model.trendProperty().get()).as("read when its tab is shown").isNull();
        model.showing(StatisticsViewModel.Section.TRENDS);
        Trend days = model.trendProperty().get();
        assertThat(days.buckets()).hasSize(30);
        assertThat(days.buckets().getLast().period()).isEqualTo(Period.day(LocalDate.of(2026, 11, 30)));
        assertThat(days.buckets()).filteredOn(b -> b.period().first().equals(LocalDate.of(2026, 11, 3)))
                .singleElement().satisfies(b -> {
                    assertThat(b.intake(HOTLINE_8890)).isEqualTo(1);
                    assertThat(b.label()).isEqualTo("11-03");
                });

        model.trendDaysProperty().set(90);
        model.refreshTrend();
        Trend weeks = model.trendProperty().get();
        // 2026-09-02 (a Wednesday) to 2026-11-30: a cut first week, 12 whole weeks, and Monday the 30th
        assertThat(weeks.buckets()).hasSize(14);
        assertThat(weeks.buckets().getFirst().period()).isEqualTo(Period.custom(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 6)));
        var week45 = weeks.buckets().stream().filter(b -> b.period().first().equals(LocalDate.of(2026, 11, 2))).findFirst().orElseThrow();
        assertThat(week45.sheet().count(RESOLVED)).isEqualTo(2);
        assertThat(week45.sheet().rate(Rate.SATISFACTION).getAsDouble()).isEqualTo(0.5);
        assertThat(weeks.rate(Rate.RESOLVED_ON_TIME)).contains(1.0, 0.5).containsNull();

        model.trendDaysProperty().set(365);
        model.refreshTrend();
        assertThat(model.trendProperty().get().buckets()).extracting(Trend.Bucket::label).startsWith("2025-12").endsWith("2026-10", "2026-11");
        var november = model.trendProperty().get().buckets().getLast();
        var drill = model.drill(november.sheet(), Figure.of(Measure.RECEIVED), november.period(), model.filter());
        assertThat(drill.ids().call()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(november.intake(GRID_APP)).isEqualTo(2);
        assertThat(model.districtProperty().get().dimension()).isEqualTo(UnitDimension.DISTRICT);
    }
}
