package org.griddesk.desk.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.junit.jupiter.api.Test;

/// The wall's figures and its list of the newest urgent or overdue tickets, from the queue's rows.
class WallModelTest {
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    private static QueueItem row(long id, QueueItem.Risk risk, boolean urgent, long minutesAgo) {
        return new QueueItem(id, "2611-" + id, Channel.VIDEO, TicketState.DISPATCHED, "占道经营", "", "XSG-001-01", "",
                "XSG", NOW.minusSeconds(minutesAgo * 60), null, risk, urgent, 0, 0, 0, QueueItem.Work.NONE);
    }

    @Test
    void theWallCountsTheOpenWorkAndListsTheNewestUrgentOrOverdueFirst() {
        List<QueueItem> rows = List.of(row(1, QueueItem.Risk.OVERDUE, false, 50), row(2, QueueItem.Risk.AT_RISK, false, 40),
                row(3, QueueItem.Risk.URGENT, true, 5), row(4, QueueItem.Risk.NORMAL, false, 1), row(5, QueueItem.Risk.OVERDUE, true, 30));

        WallModel wall = WallModel.of(rows, 2);

        assertThat(wall.open()).isEqualTo(5);
        assertThat(wall.overdue()).isEqualTo(2);
        assertThat(wall.atRisk()).isEqualTo(1);
        assertThat(wall.newestUrgent()).extracting(QueueItem::id).containsExactly(3L, 5L);
    }
}
