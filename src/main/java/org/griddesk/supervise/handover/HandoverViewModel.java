package org.griddesk.supervise.handover;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.security.Session;
import org.griddesk.store.supervise.HandOver;
import org.griddesk.store.supervise.HandoverService;
import org.griddesk.store.supervise.SupervisionRefused;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.supervise.TicketRowsById;
import org.griddesk.supervise.drill.TicketHistory;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The hand-over screen's state: what this shift would hand over now (the draft), the centre's
/// earlier hand-overs, the one shown; and its commands: hand over with a note, sign one off. All
/// store work runs through the [TaskExecutor]; the service decides who may.
public final class HandoverViewModel {
    static final int HISTORY = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    // Properties
    private final ObjectProperty<HandOver> shown = new SimpleObjectProperty<>(this, "shown");
    private final ObservableList<HandOver> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private HandOver draft;

    private final Supplier<SupervisionServices> services;
    private final Session session;
    private final Messages words;
    private final TaskExecutor executor;
    private final Supplier<TicketHistory> ticketRows;
    private TicketRowsById rows = TicketRowsById.NONE;

    public HandoverViewModel(Supplier<SupervisionServices> services, Supplier<TicketHistory> history, Session session,
                             Language language, TaskExecutor executor) {
        this.services = services;
        this.ticketRows = history;
        this.session = session;
        this.words = Messages.of(language, "i18n/handover");
        this.executor = executor;
    }

    public Messages words() {
        return words;
    }

    public ObjectProperty<HandOver> shownProperty() {
        return shown;
    }

    public ObservableList<HandOver> history() {
        return history;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /// the hand-over not yet written, as it would list the tickets now (null until read)
    public HandOver draft() {
        return draft;
    }

    // Commands

    /// Reads the draft and the earlier hand-overs; shows the draft.
    public void load() {
        run(s -> new Read(s.draft(session), s.history(session, HISTORY), null, null), read -> show(read, null));
    }

    /// the note being written for the hand-over (the screen's 交班说明)
    public StringProperty noteProperty() {
        return note;
    }

    /// Hands over with the note; then shows the stored hand-over and empties the note, so that a second
    /// click on 交班 asks for a note instead of storing the same hand-over again.
    public void write() {
        String text = note.get();
        run(s -> {
            HandOver written = s.write(session, text);
            return new Read(s.draft(session), s.history(session, HISTORY), written, null);
        }, read -> {
            if (text.equals(note.get())) {
                note.set("");
            }
            show(read, words.get("handover.written", read.focus().id()));
        });
    }

    /// Signs off `handOver` with an optional remark.
    public void signOff(HandOver handOver, String note) {
        run(s -> {
            HandOver signed = s.signOff(session, handOver.id(), note);
            return new Read(s.draft(session), s.history(session, HISTORY), signed, null);
        }, read -> show(read, words.get("handover.signedDone", read.focus().id())));
    }

    /// What a hand-over says in the list of earlier ones.
    public String describe(HandOver h) {
        boolean zh = words.language() == Language.ZH_CN;
        if (h.id() == 0) {
            return words.get("handover.current", HandOver.shiftName(h.shift(), zh), HandOver.shiftName(h.nextShift(), zh),
                    TIME.format(h.nextShiftEnds()));
        }
        String signed = h.signed() ? words.get("handover.entrySigned", h.signedByName(), TIME.format(h.signedAt()))
                : words.get("handover.entryOpen");
        return words.get("handover.entry", TIME.format(h.writtenAt()), HandOver.shiftName(h.shift(), zh),
                HandOver.shiftName(h.nextShift(), zh), h.writtenByName(), signed);
    }

    public String sectionTitle(HandOver.Section section, int count) {
        return words.get("handover.sectionCount", words.get("handover.section." + section.name()), count);
    }

    /// the queue's rows of a section of a hand-over (each ticket as it is now; the hand-over keeps
    /// the state and due time it was handed over with)
    public List<QueueItem> rowsOf(HandOver h, HandOver.Section section) {
        return rows.of(h.tickets().get(section));
    }

    private void show(Read read, String said) {
        busy.set(false);
        rows = read.rows();
        draft = read.draft();
        history.setAll(read.history());
        history.addFirst(read.draft());
        HandOver focus = read.focus() == null ? read.draft()
                : read.history().stream().filter(h -> h.id() == read.focus().id()).findFirst().orElse(read.focus());
        shown.set(focus);
        message.set(said == null ? "" : said);
    }

    private interface Work<T> {
        T on(HandoverService service);
    }

    @SuppressWarnings("unchecked")
    private <T> void run(Work<T> work, java.util.function.Consumer<T> then) {
        busy.set(true);
        executor.submit(() -> {
            SupervisionServices s = services.get();
            if (s == null) {
                throw new IllegalStateException("the store is not open yet");
            }
            T done = work.on(s.handovers());
            return done instanceof Read r ? (T) r.withRows(TicketRowsById.read(ticketRows, r.lines(), java.time.Instant.now())) : done;
        }, then, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        message.set(cause instanceof SupervisionRefused r ? r.message(words.language() == Language.EN ? Locale.ENGLISH : Locale.CHINA)
                : words.get("handover.failed", String.valueOf(cause.getMessage())));
    }

    private record Read(HandOver draft, List<HandOver> history, HandOver focus, TicketRowsById rows) {
        Read {
            rows = rows == null ? TicketRowsById.NONE : rows;
        }

        /// every ticket any of these hand-overs lists
        List<TicketLine> lines() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(draft), history.stream())
                    .flatMap(h -> h.tickets().values().stream()).flatMap(List::stream).toList();
        }

        Read withRows(TicketRowsById read) {
            return new Read(draft, history, focus, read);
        }
    }
}
