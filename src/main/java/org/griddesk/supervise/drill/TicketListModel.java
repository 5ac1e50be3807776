package org.griddesk.supervise.drill;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.security.TicketScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A drill-down list's state: what it explains, the tickets behind it (read once, off the FX
/// thread), and the detail of the one picked. Read-only: nothing here changes a ticket.
public final class TicketListModel {
    private static final Logger log = LoggerFactory.getLogger(TicketListModel.class);

    /// where the list stands
    public enum Status {
        LOADING,
        SHOWN,
        /// the figure counted no ticket
        EMPTY,
        FAILED
    }

    // Properties
    private final String title;
    private final ObservableList<QueueItem> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.LOADING);
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure", "");
    private final ReadOnlyObjectWrapper<TicketDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyIntegerWrapper leftOut = new ReadOnlyIntegerWrapper(this, "leftOut");
    private final TicketLists lists;
    private long picked = -1;
    private Instant readAt;

    public TicketListModel(String title, TicketLists lists) {
        this.title = title;
        this.lists = lists;
        this.readAt = lists.clock().instant();
    }

    public String title() {
        return title;
    }

    public ObservableList<QueueItem> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /// why the list could not be read (empty unless [Status#FAILED])
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /// how many tickets behind the figure the viewer's scope left out of the list (another town's)
    public ReadOnlyIntegerProperty leftOutProperty() {
        return leftOut.getReadOnlyProperty();
    }

    /// the clock the rows' countdowns were read at
    public Instant now() {
        return readAt;
    }

    /// the picked ticket's detail (null before one is picked and read)
    public ReadOnlyObjectProperty<TicketDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    // Commands

    /// Reads the ids, then their rows, off the FX thread; keeps those the viewer's scope covers.
    public void load(Callable<List<Long>> ids) {
        TicketHistory history = lists.history().get();
        if (history == null) {
            fail("district not read");
            return;
        }
        TicketScope scope = lists.scope();
        status.set(Status.LOADING);
        readAt = lists.clock().instant();
        lists.executor().submit(() -> history.rows(ids.call(), readAt), read -> {
            List<QueueItem> shown = read.stream().filter(r -> scope.covers(r.ownerUnitId())).toList();
            rows.setAll(shown);
            leftOut.set(read.size() - shown.size());
            status.set(read.isEmpty() ? Status.EMPTY : Status.SHOWN);
        }, problem -> {
            log.warn("cannot read the tickets behind '{}'", title, problem);
            fail(problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage());
        });
    }

    /// Shows this ticket's detail and trail (a later pick wins over a slower read).
    public void pick(long ticketId) {
        TicketHistory history = lists.history().get();
        if (history == null || ticketId == picked) {
            return;
        }
        picked = ticketId;
        lists.executor().submit(() -> history.detail(ticketId, lists.clock().instant()), read -> {
            if (read.ticket().id() == picked) {
                detail.set(read);
            }
        }, problem -> log.warn("cannot read ticket {}", ticketId, problem));
    }

    private void fail(String why) {
        failure.set(why);
        status.set(Status.FAILED);
    }
}
