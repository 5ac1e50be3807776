package org.griddesk.supervise.digest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.domain.digest.HotlineDigest;
import org.griddesk.domain.digest.TicketRef;
import org.griddesk.domain.digest.Topic;
import org.griddesk.security.RefusedInWords;
import org.griddesk.security.Session;
import org.griddesk.store.digest.HotlineDigestService;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The 专线舆情 screen without its controls: the day, the digest made for it, the tickets behind the
/// line picked, and what to tell the person. Every read goes through the [TaskExecutor]; the
/// service checks the permission and audits each digest and export.
public final class DigestViewModel {
    private final Supplier<HotlineDigestService> service;
    private final Session session;
    private final Messages words;
    private final TaskExecutor executor;

    // Properties
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ReadOnlyObjectWrapper<HotlineDigest> digest = new ReadOnlyObjectWrapper<>(this, "digest");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<TicketRef> tickets = FXCollections.observableArrayList();

    /// `service`: the store's digest service, or null while the store is not open.
    public DigestViewModel(Supplier<HotlineDigestService> service, Session session, Messages words, TaskExecutor executor, Clock clock) {
        this.service = service;
        this.session = session;
        this.words = words;
        this.executor = executor;
        day.set(LocalDate.now(clock.withZone(HotlineDigestService.SHANGHAI)).minusDays(1));
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ReadOnlyObjectProperty<HotlineDigest> digestProperty() {
        return digest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// the tickets behind the line last picked
    public ObservableList<TicketRef> tickets() {
        return tickets;
    }

    public Messages words() {
        return words;
    }

    // Commands

    /// Makes the digest of the chosen day.
    public void make() {
        LocalDate chosen = day.get();
        HotlineDigestService s = service.get();
        if (chosen == null || s == null || busy.get()) {
            return;
        }
        busy.set(true);
        message.set(words.get("digest.computing", chosen));
        tickets.clear();
        executor.submit(() -> s.digest(session, chosen), made -> {
            busy.set(false);
            digest.set(made);
            message.set(summary(made));
        }, this::failed);
    }

    /// Exports the chosen day's digest to `file` (CSV).
    public void export(Path file) {
        LocalDate chosen = day.get();
        HotlineDigestService s = service.get();
        if (chosen == null || s == null || busy.get()) {
            return;
        }
        busy.set(true);
        executor.submit(() -> s.export(session, chosen, file, words.bundle()), made -> {
            busy.set(false);
            digest.set(made);
            message.set(words.get("digest.exported", file.toAbsolutePath()));
        }, this::failed);
    }

    /// Shows tickets the digest already holds (a repeat caller's, an incident's).
    public void showTickets(List<TicketRef> refs) {
        tickets.setAll(refs);
    }

    /// Reads the day's tickets behind a hot category, item, term or community.
    public void showTicketsOf(Topic topic, String key) {
        HotlineDigest shown = digest.get();
        HotlineDigestService s = service.get();
        if (shown == null || s == null) {
            return;
        }
        executor.submit(() -> s.ticketsOf(session, shown.day(), topic, key), tickets::setAll, this::failed);
    }

    String summary(HotlineDigest d) {
        String mean = String.format(Locale.ROOT, "%.1f", d.baselineMean());
        return d.quiet() ? words.get("digest.quiet", d.day(), d.total())
                : words.get("digest.summary", d.day(), d.total(), d.baselineDays(), mean, String.format(Locale.ROOT, "%.2f", d.volume()));
    }

    private void failed(Throwable failure) {
        busy.set(false);
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof RefusedInWords)) {
            t = t.getCause();
        }
        message.set(t instanceof RefusedInWords r ? words.get(r.messageKey(), r.args())
                : words.get("digest.failed", t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
    }
}
