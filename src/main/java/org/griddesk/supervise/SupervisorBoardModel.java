package org.griddesk.supervise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.ticket.TicketState;

/// What the shift supervisor's board shows for the supervisor's centre, from the queue's rows: the
/// extensions and escalations to decide, the overdue and at-risk work, the whistles waiting for
/// check-in (the centre's own and those it watches), each riskiest first, and the hand-over figures.
public record SupervisorBoardModel(List<QueueItem> extensions, List<QueueItem> escalated, List<QueueItem> overdue,
                                   List<QueueItem> whistles, HandOver handOver) {
    /// "near breach" for the hand-over: due within the next shift
    static final Duration NEXT_SHIFT = Duration.ofHours(8);

    /// The hand-over the next shift inherits: the centre's open tickets, those due within the next
    /// shift, overdue, waiting for a callback, open whistles, extensions to decide.
    public record HandOver(int open, long nearBreach, long overdue, long callbacks, long whistles, long extensions) {
    }

    public static SupervisorBoardModel of(DeskUser supervisor, List<QueueItem> rows, Instant now) {
        String centre = supervisor.unit().id();
        List<QueueItem> mine = rows.stream().filter(i -> i.ownerUnitId().equals(centre)).toList();
        return new SupervisorBoardModel(
                riskiestFirst(mine, i -> i.work().extensionPending()),
                riskiestFirst(mine, i -> i.state() == TicketState.ESCALATED),
                riskiestFirst(mine, i -> i.risk() == QueueItem.Risk.OVERDUE || i.risk() == QueueItem.Risk.AT_RISK),
                riskiestFirst(rows, i -> i.openWhistles() > 0 && (i.ownerUnitId().equals(centre) || i.work().watchedBy(centre))),
                new HandOver(mine.size(),
                        mine.stream().filter(i -> i.due() != null && !i.due().isBefore(now) && i.due().isBefore(now.plus(NEXT_SHIFT))).count(),
                        mine.stream().filter(i -> i.risk() == QueueItem.Risk.OVERDUE).count(),
                        mine.stream().filter(i -> i.state() == TicketState.VERIFIED || i.state() == TicketState.ANSWERED).count(),
                        mine.stream().mapToLong(QueueItem::openWhistles).sum(),
                        mine.stream().filter(i -> i.work().extensionPending()).count()));
    }

    private static List<QueueItem> riskiestFirst(List<QueueItem> rows, Predicate<QueueItem> which) {
        return rows.stream().filter(which).sorted(QueueViewModel.RISK_FIRST).toList();
    }
}
