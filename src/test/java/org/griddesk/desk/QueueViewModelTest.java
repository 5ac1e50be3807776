package org.griddesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    void countdownsReadAsHoursMinutesAndSecondsOrDaysWhenFarOff() {
        assertThat(QueueViewModel.countdown(NOW.plusSeconds(3725), NOW)).isEqualTo("1:02:05");
        assertThat(QueueViewModel.countdown(NOW.minusSeconds(720), NOW)).isEqualTo("-0:12:00");
        assertThat(QueueViewModel.countdown(NOW.plus(Duration.ofHours(75)), NOW)).isEqualTo("3d 3h");
        assertThat(QueueViewModel.countdown(null, NOW)).isEmpty();
    }
}
