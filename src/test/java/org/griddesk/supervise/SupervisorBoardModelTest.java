package org.griddesk.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.junit.jupiter.api.Test;

/// The supervisor's board reads the centre's work from the queue's rows: what waits for a decision,
/// what is late, the whistles it owns or watches, and the hand-over figures, without a window.
class SupervisorBoardModelTest {
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final DeskUser XSG_SUPERVISOR = new DeskUser(Role.SUPERVISOR,
            new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN"));

    private static QueueItem row(long id, String owner, TicketState state, QueueItem.Risk risk, Duration dueIn, int whistles,
                                 boolean extension, String watching) {
        return new QueueItem(id, "2611-" + String.format("%04d", id), Channel.HOTLINE_8890, state, "路灯不亮 " + id, "路灯损坏",
                "XSG-001-01", "津沽苑社区 · 第1网格", owner, NOW.minusSeconds(id * 60), dueIn == null ? null : NOW.plus(dueIn), risk,
                false, 0, whistles, 0, new QueueItem.Work(null, null, extension, 0, watching, null, null, List.of()));
    }

    @Test
    void theBoardShowsTheCentresOwnWorkRiskiestFirstAndTheWhistlesItWatches() {
        List<QueueItem> rows = List.of(
                row(1, "XSG", TicketState.IN_PROGRESS, QueueItem.Risk.AT_RISK, Duration.ofHours(2), 0, true, ""),
                row(2, "XSG", TicketState.DISPATCHED, QueueItem.Risk.OVERDUE, Duration.ofHours(-3), 1, false, ""),
                row(3, "XSG", TicketState.ESCALATED, QueueItem.Risk.NORMAL, null, 0, false, ""),
                row(4, "GG", TicketState.DISPATCHED, QueueItem.Risk.OVERDUE, Duration.ofHours(-5), 2, true, ""),
                row(5, "JN", TicketState.IN_PROGRESS, QueueItem.Risk.NORMAL, Duration.ofDays(3), 1, false, "XSG"),
                row(6, "XSG", TicketState.VERIFIED, QueueItem.Risk.WAITING, null, 0, false, ""));

        SupervisorBoardModel board = SupervisorBoardModel.of(XSG_SUPERVISOR, rows, NOW);

        assertThat(board.extensions()).extracting(QueueItem::id).containsExactly(1L);
        assertThat(board.escalated()).extracting(QueueItem::id).containsExactly(3L);
        assertThat(board.overdue()).as("overdue before at risk; another town's not").extracting(QueueItem::id).containsExactly(2L, 1L);
        assertThat(board.whistles()).as("its own and the one it handed up and watches").extracting(QueueItem::id)
                .containsExactlyInAnyOrder(2L, 5L);
        assertThat(board.handOver()).isEqualTo(new SupervisorBoardModel.HandOver(4, 1, 1, 1, 1, 1));
    }
}
