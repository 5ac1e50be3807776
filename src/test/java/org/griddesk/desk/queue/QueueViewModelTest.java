package org.griddesk.desk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javafx.collections.ListChangeListener;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.junit.jupiter.api.Test;

class QueueViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    private static QueueItem item(long id, Channel channel, TicketState state, QueueItem.Risk risk, Duration dueIn, String owner) {
        return new QueueItem(id, "2611-" + String.format("%04d", id), channel, state, "路灯不亮 " + id, "路灯损坏", "XSG-001-01",
                "津沽苑社区 · 第1网格", owner, NOW.minusSeconds(id * 60), dueIn == null ? null : NOW.plus(dueIn), risk, false, 0, 0, 0, QueueItem.Work.NONE);
    }

    private final List<QueueItem> items = List.of(
            item(1, Channel.HOTLINE_8890, TicketState.REPORTED, QueueItem.Risk.NORMAL, Duration.ofMinutes(25), "JN"),
            item(2, Channel.VIDEO, TicketState.DISPATCHED, QueueItem.Risk.OVERDUE, Duration.ofHours(-3), "XSG"),
            item(3, Channel.GRID_APP, TicketState.IN_PROGRESS, QueueItem.Risk.AT_RISK, Duration.ofHours(2), "XSG"),
            item(4, Channel.HOTLINE_8890, TicketState.HANDLED, QueueItem.Risk.WAITING, null, "JN"),
            item(5, Channel.HOTLINE_8890, TicketState.DISPATCHED, QueueItem.Risk.OVERDUE, Duration.ofHours(-10), "XSG"));

    @Test
    void riskComesFirstThenTheEarliestDeadline() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(items, NOW);
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(5L, 2L, 3L, 1L, 4L);
        assertThat(queue.overdueProperty().get()).isEqualTo(2);
        assertThat(queue.atRiskProperty().get()).isEqualTo(1);
    }

    @Test
    void withinEachRiskTheDesksOwnWorkComesFirstThenTheLikelierToMiss() {
        QueueItem soonUnlikely = chance(item(11, Channel.GRID_APP, TicketState.DISPATCHED, QueueItem.Risk.NORMAL, Duration.ofHours(5), "XSG"), 0.02);
        QueueItem laterLikely = chance(item(12, Channel.GRID_APP, TicketState.DISPATCHED, QueueItem.Risk.NORMAL, Duration.ofDays(3), "XSG"), 0.2);
        QueueItem noChance = item(13, Channel.HOTLINE_8890, TicketState.ACCEPTED, QueueItem.Risk.NORMAL, Duration.ofHours(1), "XSG");
        QueueItem atRiskByModel = chance(item(14, Channel.GRID_APP, TicketState.DISPATCHED, QueueItem.Risk.AT_RISK, Duration.ofDays(2), "XSG"), 0.4);
        QueueItem atRiskByRule = item(15, Channel.GRID_APP, TicketState.DISPATCHED, QueueItem.Risk.AT_RISK, Duration.ofHours(1), "XSG");
        QueueViewModel queue = new QueueViewModel("XSG");
        queue.show(List.of(soonUnlikely, laterLikely, noChance, atRiskByModel, atRiskByRule), NOW);
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(15L, 14L, 13L, 12L, 11L);
        queue.sortProperty().set(QueueViewModel.Sort.DUE);
        assertThat(queue.shown()).extracting(QueueItem::id).as("the deadline order ignores the chance").containsExactly(13L, 15L, 11L, 14L, 12L);
    }

    private static QueueItem chance(QueueItem i, double chance) {
        return new QueueItem(i.id(), i.code(), i.channel(), i.state(), i.shortText(), i.itemName(), i.gridCode(), i.place(),
                i.ownerUnitId(), i.reportedAt(), i.due(), i.risk(), i.urgent(), i.duplicates(), i.openWhistles(), i.repeats(), i.work(), chance);
    }

    @Test
    void filtersCombine() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(items, NOW);
        queue.channelProperty().set(Channel.HOTLINE_8890);
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(5L, 1L, 4L);
        queue.overdueOnlyProperty().set(true);
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(5L);
        queue.overdueOnlyProperty().set(false);
        queue.stageProperty().set(QueueViewModel.Stage.WAITING);
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(1L);
        queue.stageProperty().set(QueueViewModel.Stage.ALL);
        queue.mineOnlyProperty().set(true);
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(1L, 4L);
        queue.mineOnlyProperty().set(false);
        queue.channelProperty().set(null);
        queue.searchProperty().set("0003");
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(3L);
        queue.searchProperty().set("路灯不亮 2");
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(2L);
    }

    private static QueueItem placed(QueueItem i, String area, String category, String team, String watching) {
        return new QueueItem(i.id(), i.code(), i.channel(), i.state(), i.shortText(), i.itemName(), i.gridCode(), i.place(),
                i.ownerUnitId(), i.reportedAt(), i.due(), i.risk(), i.urgent(), i.duplicates(), i.openWhistles(), i.repeats(),
                new QueueItem.Work(null, team, false, 0, watching, new QueueItem.Named(area, area + "镇"),
                        new QueueItem.Named(category, "大类" + category), List.of()));
    }

    @Test
    void eachUserSeesWhatTheirCentreOwnsOrWatchesAndATeamWhatItWasGiven() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(List.of(placed(items.get(0), "JN", "04", null, ""), placed(items.get(1), "XSG", "04", "XSG-CG", ""),
                placed(items.get(2), "XSG", "06", null, ""), placed(items.get(3), "GG", "06", null, "XSG")), NOW);
        queue.useScope(QueueViewModel.Scope.of("XSG", true, false));
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(queue.total()).isEqualTo(3);
        queue.mineOnlyProperty().set(true);
        assertThat(queue.shown()).extracting(QueueItem::id).as("owned, not only watched").containsExactlyInAnyOrder(2L, 3L);
        queue.mineOnlyProperty().set(false);
        queue.useScope(QueueViewModel.Scope.of("XSG-CG", false, false));
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(2L);
        queue.useScope(QueueViewModel.Scope.of("JN", true, true));
        assertThat(queue.shown()).hasSize(4);
    }

    @Test
    void areaAndCategoryFilterAndAViewSavesAndRestoresEveryFilter() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(List.of(placed(items.get(0), "JN", "04", null, ""), placed(items.get(1), "XSG", "04", "XSG-CG", ""),
                placed(items.get(2), "XSG", "06", null, ""), placed(items.get(4), "XSG", "06", null, "")), NOW);
        assertThat(queue.areas()).extracting(QueueItem.Named::code).containsExactly("JN", "XSG");
        assertThat(queue.categories()).extracting(QueueItem.Named::code).containsExactly("04", "06");
        queue.areaProperty().set(new QueueItem.Named("XSG", "XSG镇"));
        queue.categoryProperty().set(new QueueItem.Named("06", "大类06"));
        queue.overdueOnlyProperty().set(true);
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(5L);
        queue.sortProperty().set(QueueViewModel.Sort.NEWEST);
        String spec = queue.viewSpec();
        assertThat(spec).isEqualTo("area=XSG;category=06;overdue=true;sort=NEWEST");

        queue.applyView("");
        assertThat(queue.shown()).hasSize(4);
        assertThat(queue.sortProperty().get()).isEqualTo(QueueViewModel.Sort.RISK);
        queue.sortProperty().set(QueueViewModel.Sort.NEWEST);
        assertThat(queue.shown()).extracting(QueueItem::id).as("newest request first").containsExactly(1L, 2L, 3L, 5L);
        queue.sortProperty().set(QueueViewModel.Sort.DUE);
        assertThat(queue.shown()).extracting(QueueItem::id).as("the next deadline first").containsExactly(5L, 2L, 1L, 3L);
        queue.applyView(spec + ";channel=NO_SUCH;search=路灯");
        assertThat(queue.areaProperty().get().name()).isEqualTo("XSG镇");
        assertThat(queue.sortProperty().get()).isEqualTo(QueueViewModel.Sort.NEWEST);
        assertThat(queue.channelProperty().get()).as("unknown parts are left out").isNull();
        assertThat(queue.shown()).extracting(QueueItem::id).containsExactly(5L);
    }

    @Test
    void aReloadTouchesOnlyWhatChanged() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(items, NOW);
        List<ListChangeListener.Change<? extends QueueItem>> changes = new ArrayList<>();
        int[] added = {0};
        int[] removed = {0};
        queue.all().addListener((ListChangeListener<QueueItem>) c -> {
            while (c.next()) {
                added[0] += c.getAddedSize();
                removed[0] += c.getRemovedSize();
            }
        });
        List<QueueItem> next = new ArrayList<>(items.subList(1, items.size()));
        next.add(item(6, Channel.VIDEO, TicketState.REPORTED, QueueItem.Risk.URGENT, Duration.ofMinutes(20), "JN"));
        queue.show(next, NOW.plusSeconds(1));
        assertThat(added[0]).as("one row in").isEqualTo(1);
        assertThat(removed[0]).as("one row out").isEqualTo(1);
        assertThat(queue.all()).extracting(QueueItem::id).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
        assertThat(queue.fresh()).containsExactly(6L);
    }

    @Test
    void newRowsAreFreshForAWhileWithoutChangingTheSelectionOrder() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(items.subList(0, 3), NOW);
        assertThat(queue.fresh()).as("the first load is not news").isEmpty();
        queue.show(items, NOW.plusSeconds(5));
        assertThat(queue.fresh()).containsExactlyInAnyOrder(4L, 5L);
        queue.tick(NOW.plusSeconds(5).plus(QueueViewModel.FRESH_FOR).plusSeconds(1));
        assertThat(queue.fresh()).isEmpty();
    }

    @Test
    void ticketsTheFirstStartsHistoryBringsAreNotFresh() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(List.of(), NOW);
        queue.historyArrivingProperty().set(true);
        queue.show(items.subList(0, 2), NOW.plusSeconds(10));
        assertThat(queue.fresh()).as("written by the history, while it is written").isEmpty();
        queue.historyArrivingProperty().set(false);
        queue.show(items.subList(0, 4), NOW.plusSeconds(20));
        assertThat(queue.fresh()).as("read once the history is whole").isEmpty();
        queue.show(items, NOW.plusSeconds(30));
        assertThat(queue.fresh()).as("reported since").containsExactly(5L);
    }

    @Test
    void aReloadInAnyOrderReplacesChangedRowsRemovesGoneOnesAndAddsNewOnesOnce() {
        QueueViewModel queue = new QueueViewModel("JN");
        List<QueueItem> many = new ArrayList<>();
        for (long id = 1; id <= 3_000; id++) {
            many.add(item(id * 7, Channel.GRID_APP, TicketState.DISPATCHED, QueueItem.Risk.NORMAL, Duration.ofHours(id % 50), "XSG"));
        }
        queue.show(many, NOW);
        List<QueueItem> next = new ArrayList<>(many);
        next.removeIf(i -> i.id() % 3 == 0);
        QueueItem overdueNow = item(700, Channel.GRID_APP, TicketState.DISPATCHED, QueueItem.Risk.OVERDUE, Duration.ofHours(-1), "XSG");
        next.set(next.indexOf(many.get(99)), overdueNow);
        next.add(item(5, Channel.VIDEO, TicketState.REPORTED, QueueItem.Risk.URGENT, Duration.ofMinutes(20), "XSG"));
        Collections.shuffle(next, new Random(3));
        queue.show(next, NOW.plusSeconds(1));
        assertThat(queue.all()).hasSize(next.size()).containsExactlyInAnyOrderElementsOf(next);
        assertThat(queue.all()).filteredOn(i -> i.id() == 700).containsExactly(overdueNow);
        assertThat(queue.shown().get(0)).as("the replaced row sorted as it is now").isEqualTo(overdueNow);
        assertThat(queue.overdueProperty().get()).isEqualTo(1);
        assertThat(queue.total()).isEqualTo(next.size());
        assertThat(queue.fresh()).containsExactly(5L);
    }

    @Test
    void newUrgentRowsAreCountedWhileTheyAreFreshAndShown() {
        QueueViewModel queue = new QueueViewModel("JN");
        queue.show(items.subList(0, 3), NOW);
        QueueItem urgentVideo = urgent(item(6, Channel.VIDEO, TicketState.REPORTED, QueueItem.Risk.URGENT, Duration.ofMinutes(20), "JN"));
        QueueItem urgentHotline = urgent(item(7, Channel.HOTLINE_8890, TicketState.REPORTED, QueueItem.Risk.URGENT, Duration.ofMinutes(20), "JN"));
        List<QueueItem> next = new ArrayList<>(items);
        next.addAll(List.of(urgentVideo, urgentHotline));
        queue.show(next, NOW.plusSeconds(1));
        assertThat(queue.freshUrgentProperty().get()).as("two urgent among the four new").isEqualTo(2);
        queue.channelProperty().set(Channel.VIDEO);
        assertThat(queue.freshUrgentProperty().get()).as("only what the filters show").isEqualTo(1);
        queue.channelProperty().set(null);
        next.remove(urgentHotline);
        queue.show(next, NOW.plusSeconds(2));
        assertThat(queue.freshUrgentProperty().get()).as("closed meanwhile").isEqualTo(1);
        queue.tick(NOW.plusSeconds(2).plus(QueueViewModel.FRESH_FOR).plusSeconds(1));
        assertThat(queue.freshUrgentProperty().get()).as("no longer new").isZero();
    }

    private static QueueItem urgent(QueueItem i) {
        return new QueueItem(i.id(), i.code(), i.channel(), i.state(), i.shortText(), i.itemName(), i.gridCode(), i.place(),
                i.ownerUnitId(), i.reportedAt(), i.due(), i.risk(), true, 0, 0, 0, i.work());
    }

    @Test
    void countdownsReadAsHoursMinutesAndSecondsOrDaysWhenFarOff() {
        assertThat(QueueViewModel.countdown(NOW.plusSeconds(3725), NOW)).isEqualTo("1:02:05");
        assertThat(QueueViewModel.countdown(NOW.minusSeconds(720), NOW)).isEqualTo("-0:12:00");
        assertThat(QueueViewModel.countdown(NOW.plus(Duration.ofHours(75)), NOW)).isEqualTo("3d 3h");
        assertThat(QueueViewModel.countdown(null, NOW)).isEmpty();
    }
}
