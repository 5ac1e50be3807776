package org.griddesk.desk.search;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.HistoryQuery;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.search.HistoryIndex;
import org.griddesk.search.HistorySearch;
import org.griddesk.search.SearchScope;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The history search screen's state: the free text and the filters, the tickets found (the
/// queue's rows, best first), the one picked with its detail, and whether its reader may reopen
/// it. Every read runs off the FX thread; a later search wins over a slower one.
public final class HistorySearchViewModel {
    private static final Logger log = LoggerFactory.getLogger(HistorySearchViewModel.class);
    /// while the index is being built the search asks again this often
    static final long RETRY_MILLIS = 2_000;

    public enum Status { IDLE, SEARCHING, BUILDING, SHOWN, EMPTY, FAILED }

    // Properties: what is asked
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>(this, "channel");
    private final ObjectProperty<String> unit = new SimpleObjectProperty<>(this, "unit");
    private final ObjectProperty<TicketState> state = new SimpleObjectProperty<>(this, "state");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final BooleanProperty newestFirst = new SimpleBooleanProperty(this, "newestFirst", false);
    // Properties: what was found
    private final ObservableList<QueueItem> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.IDLE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<TicketDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyBooleanWrapper mayReopen = new ReadOnlyBooleanWrapper(this, "mayReopen");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final HistoryAccess access;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Messages words;
    private final AtomicLong generation = new AtomicLong();
    private long picked = -1;
    private Instant readAt;

    public HistorySearchViewModel(HistoryAccess access, TaskExecutor executor, Clock clock, Messages words) {
        this.access = access;
        this.executor = executor;
        this.clock = clock;
        this.words = words;
        this.readAt = clock.instant();
    }

    public StringProperty textProperty() { return text; }
    public StringProperty phoneProperty() { return phone; }
    public StringProperty nameProperty() { return name; }
    public StringProperty addressProperty() { return address; }
    public ObjectProperty<String> categoryProperty() { return category; }
    public ObjectProperty<Channel> channelProperty() { return channel; }
    public ObjectProperty<String> unitProperty() { return unit; }
    public ObjectProperty<TicketState> stateProperty() { return state; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public BooleanProperty newestFirstProperty() { return newestFirst; }

    public ObservableList<QueueItem> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    /// "找到 N 条" and the like
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TicketDetail> detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty mayReopenProperty() { return mayReopen.getReadOnlyProperty(); }
    /// the outcome of the last reopen, in words
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public Instant now() {
        return readAt;
    }

    /// The query the fields make now.
    public HistoryQuery query() {
        return new HistoryQuery(text.get(), null, phone.get(), name.get(), address.get(), category.get(), channel.get(), unit.get(),
                state.get(), from.get() == null ? null : from.get().atStartOfDay(WorkCalendar.ZONE).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(WorkCalendar.ZONE).toInstant(),
                newestFirst.get() ? HistoryQuery.Order.NEWEST : HistoryQuery.Order.RELEVANCE);
    }

    // Commands

    /// Searches with the fields as they are (an empty form lists nothing).
    public void search() {
        HistoryQuery q = query();
        long mine = generation.incrementAndGet();
        if (q.isEmpty()) {
            rows.clear();
            status.set(Status.IDLE);
            summary.set(words.get("search.askSomething"));
            return;
        }
        status.set(Status.SEARCHING);
        summary.set(words.get("search.searching"));
        readAt = clock.instant();
        Instant now = readAt;
        executor.submit(() -> find(q, now), found -> {
            if (mine != generation.get()) {
                return;
            }
            show(found);
            if (found.hits().state() == HistoryIndex.State.BUILDING) {
                retryLater(mine);
            }
        }, problem -> {
            if (mine == generation.get()) {
                log.warn("history search failed", problem);
                rows.clear();
                status.set(Status.FAILED);
                summary.set(words.get("search.failed"));
            }
        });
    }

    private record Found(HistoryIndex.Hits hits, List<QueueItem> rows, int built) {
    }

    private Found find(HistoryQuery q, Instant now) {
        HistorySearch search = access.search();
        if (search == null) {
            return new Found(new HistoryIndex.Hits(HistoryIndex.State.BUILDING, List.of(), 0, false), List.of(), 0);
        }
        SearchScope scope = access.scope();
        HistoryIndex.Hits hits = search.search(q, scope, HistorySearch.LIMIT);
        // the rows are read as the store has them now; the scope is asked again of each
        List<QueueItem> read = hits.ready() ? access.rows(hits.ids(), now).stream().filter(r -> scope.covers(r.ownerUnitId())).toList()
                : List.of();
        return new Found(hits, read, search.index().built());
    }

    private void show(Found found) {
        HistoryIndex.Hits hits = found.hits();
        switch (hits.state()) {
            case READY -> {
                rows.setAll(found.rows());
                forgetPickNotIn(found.rows());
                status.set(rows.isEmpty() ? Status.EMPTY : Status.SHOWN);
                summary.set(rows.isEmpty() ? words.get("search.none")
                        : hits.total() > rows.size() || hits.moreThan()
                        ? words.get("search.countShown", (hits.moreThan() ? "≥" : "") + hits.total(), rows.size())
                        : words.get("search.count", rows.size()));
            }
            case FAILED -> {
                rows.clear();
                status.set(Status.FAILED);
                summary.set(words.get("search.indexFailed"));
            }
            default -> {
                rows.clear();
                status.set(Status.BUILDING);
                summary.set(words.get("search.building", found.built()));
            }
        }
    }

    /// The detail shown belongs to the results: a ticket no longer among them is not shown beside them.
    private void forgetPickNotIn(List<QueueItem> shown) {
        if (shown.stream().noneMatch(r -> r.id() == picked)) {
            picked = -1;
            detail.set(null);
            mayReopen.set(false);
            message.set("");
        }
    }

    private void retryLater(long mine) {
        executor.runOnUiAfter(java.time.Duration.ofMillis(RETRY_MILLIS), () -> {
            if (mine == generation.get()) {
                search();
            }
        });
    }

    /// The window closed: a search asked again while the index is built stops, answers still on their way are dropped.
    public void close() {
        generation.incrementAndGet();
    }

    /// Shows this ticket's detail and trail (a later pick wins over a slower read).
    public void pick(long ticketId) {
        picked = ticketId;
        message.set("");
        executor.submit(() -> access.detail(ticketId, clock.instant()), read -> {
            if (read.ticket().id() == picked) {
                mayReopen.set(access.mayReopen(read.ticket()));
                detail.set(read);
            }
        }, problem -> log.warn("cannot read ticket {}", ticketId, problem));
    }

    /// Reopens the shown ticket with the reason (the rules decide again); then reads it anew.
    public void reopen(String reason) {
        TicketDetail shown = detail.get();
        if (shown == null) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            message.set(words.get("reopen.reasonRequired"));
            return;
        }
        access.reopen(shown.ticket(), reason.strip(), outcome -> {
            String said = outcome.ok() ? words.get("reopen.done", shown.ticket().code())
                    : outcome.message(words.language().locale());
            pick(shown.ticket().id());
            message.set(said);
            if (outcome.ok()) {
                refreshRows();
            }
        });
    }

    /// The rows listed read again as the store has them now (a ticket just reopened shows its new state).
    private void refreshRows() {
        List<Long> ids = rows.stream().map(QueueItem::id).toList();
        long mine = generation.get();
        Instant now = clock.instant();
        executor.submit(() -> access.rows(ids, now), read -> {
            if (mine == generation.get()) {
                rows.setAll(read);
            }
        }, problem -> log.debug("rows not read again: {}", problem.toString()));
    }
}
