package org.griddesk.desk.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChainStatus;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditPage;
import org.griddesk.security.AuditQuery;
import org.griddesk.security.AuditRefused;
import org.griddesk.security.AuditWords;
import org.griddesk.security.Session;
import org.griddesk.store.security.AuditLog;
import org.griddesk.ui.TaskExecutor;

/// The audit viewer's state and commands: the filters, one page of records, the chain's status
/// and the export. Every read goes through the [TaskExecutor] (never on the FX thread) and through
/// [AuditLog] as the signed-in person, so the permission checks and the recording of each read hold.
public final class AuditViewModel {
    public static final int PAGE_SIZE = 50;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AuditLog log;
    private final Session session;
    private final AuditWords words;
    private final TaskExecutor executor;

    // Properties
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty actor = new SimpleStringProperty("");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditOutcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper chainText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper chainBroken = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private AuditQuery shown = AuditQuery.all();
    private int page;

    public AuditViewModel(AuditLog log, Session session, AuditWords words, TaskExecutor executor) {
        this.log = log;
        this.session = session;
        this.words = words;
        this.executor = executor;
    }

    // Commands

    /// Reads the first page for the filters as they stand.
    public void search() {
        AuditQuery query;
        try {
            query = query();
        } catch (IllegalArgumentException e) {
            message.set(words.text("audit.viewer.badDates"));
            return;
        }
        shown = query;
        load(0);
    }

    public void next() {
        if (canNext.get()) {
            load(page + 1);
        }
    }

    public void previous() {
        if (canPrevious.get()) {
            load(page - 1);
        }
    }

    /// Walks the whole chain in the background and says what it found.
    public void verifyChain() {
        chainText.set(words.text("audit.viewer.chain.checking"));
        executor.submit(log::verify, this::showChain, this::fail);
    }

    /// Exports the records the current filters match to `file` (CSV).
    public void export(Path file) {
        AuditQuery query = shown;
        busy.set(true);
        executor.submit(() -> log.export(session, query, file, words), rows -> {
            busy.set(false);
            message.set(words.text("audit.viewer.exported", rows, file.getFileName()));
        }, this::fail);
    }

    private void load(int wanted) {
        AuditQuery query = shown;
        busy.set(true);
        message.set(words.text("audit.viewer.loading"));
        executor.submit(() -> log.query(session, query, wanted, PAGE_SIZE), this::show, this::fail);
    }

    private void show(AuditPage found) {
        busy.set(false);
        page = found.page();
        rows.setAll(found.records().stream().map(r -> AuditRow.of(r, words)).toList());
        pageText.set(words.text("audit.viewer.page", page + 1, found.pages(), found.total()));
        canPrevious.set(page > 0);
        canNext.set(found.hasNext());
        message.set(found.total() == 0 ? words.text("audit.viewer.empty") : "");
    }

    private void showChain(AuditChainStatus status) {
        chainBroken.set(!status.isIntact());
        if (status.isIntact()) {
            chainText.set(words.text("audit.viewer.chain.intact", status.checked(), status.firstSeq(), status.lastSeq()));
            return;
        }
        AuditChainStatus.Break b = status.broken();
        chainText.set(words.text("audit.viewer.chain.broken", Long.toString(b.seq()),
                b.at() == null ? "-" : AuditRow.time(b.at()), b.actor() == null ? "-" : b.actor(),
                words.text("audit.problem." + b.problem().name(), Long.toString(b.expectedSeq()))));
    }

    private void fail(Throwable failure) {
        busy.set(false);
        message.set(failure instanceof AuditRefused refused ? words.refusal(refused)
                : words.text("audit.viewer.failed", failure.getMessage()));
    }

    AuditQuery query() {
        return new AuditQuery(from.get() == null ? null : from.get().atStartOfDay(SHANGHAI).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(SHANGHAI).toInstant(), actor.get(), action.get(),
                outcome.get(), text.get());
    }

    // Properties

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    public ObjectProperty<AuditOutcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<AuditRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chainTextProperty() {
        return chainText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chainBrokenProperty() {
        return chainBroken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public AuditWords words() {
        return words;
    }
}
