package org.griddesk.desk.wall;

import java.util.Comparator;
import java.util.List;
import org.griddesk.desk.queue.QueueItem;

/// What the wall shows of the open tickets: how many are open, overdue and at risk, and the newest
/// urgent or overdue ones (newest first, at most `newest` of them). Read from the queue's rows.
public record WallModel(int open, long overdue, long atRisk, List<QueueItem> newestUrgent) {
    public static WallModel of(List<QueueItem> rows, int newest) {
        return new WallModel(rows.size(),
                rows.stream().filter(i -> i.risk() == QueueItem.Risk.OVERDUE).count(),
                rows.stream().filter(i -> i.risk() == QueueItem.Risk.AT_RISK).count(),
                rows.stream().filter(i -> i.urgent() || i.risk() == QueueItem.Risk.OVERDUE)
                        .sorted(Comparator.comparing(QueueItem::reportedAt).reversed()).limit(newest).toList());
    }
}
