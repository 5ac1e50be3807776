package org.griddesk.supervise.drill;

import java.time.Instant;
import java.util.List;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.queue.QueueItem;

/// Where a drill-down list reads its tickets, open or closed: each one's row as the queue shows it
/// and its detail with the trail. Blocking: called off the FX thread only.
public interface TicketHistory {
    /// the rows of these tickets in the order given; ids with no ticket are left out
    List<QueueItem> rows(List<Long> ids, Instant now);

    TicketDetail detail(long ticketId, Instant now);

    /// The desk's own readers (the queue's loader and the detail pane's).
    static TicketHistory of(DeskModel.Readers readers) {
        return new TicketHistory() {
            @Override
            public List<QueueItem> rows(List<Long> ids, Instant now) {
                return readers.rows().loadAny(ids, now);
            }

            @Override
            public TicketDetail detail(long ticketId, Instant now) {
                return readers.details().load(ticketId, now);
            }
        };
    }
}
