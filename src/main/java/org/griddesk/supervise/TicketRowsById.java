package org.griddesk.supervise;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.supervise.drill.TicketHistory;

/// The queue's rows of the tickets a supervisor's list names, read through the desk's own readers
/// (blocking: off the FX thread only). Before the desk has read the district there are none.
public record TicketRowsById(Map<Long, QueueItem> rows) {
    public static final TicketRowsById NONE = new TicketRowsById(Map.of());

    public static TicketRowsById read(Supplier<TicketHistory> history, Collection<TicketLine> lines, Instant now) {
        TicketHistory h = history.get();
        if (h == null || lines.isEmpty()) {
            return NONE;
        }
        Map<Long, QueueItem> byId = new LinkedHashMap<>();
        for (QueueItem q : h.rows(lines.stream().map(TicketLine::id).distinct().toList(), now)) {
            byId.put(q.id(), q);
        }
        return new TicketRowsById(byId);
    }

    /// the rows of `lines`, in their order (tickets without a row are left out)
    public List<QueueItem> of(List<TicketLine> lines) {
        return lines.stream().map(t -> rows.get(t.id())).filter(java.util.Objects::nonNull).toList();
    }
}
