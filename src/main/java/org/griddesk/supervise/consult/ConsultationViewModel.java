package org.griddesk.supervise.consult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Unit;
import org.griddesk.security.RefusedInWords;
import org.griddesk.security.Session;
import org.griddesk.store.supervise.Consultation;
import org.griddesk.store.supervise.HardCase;
import org.griddesk.store.supervise.HardCaseRules;
import org.griddesk.store.supervise.SupervisionRefused;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.supervise.TicketRowsById;
import org.griddesk.supervise.drill.TicketHistory;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The consultation screen's state: the hard cases (read off the FX thread), the units a follow-up
/// may go to, what was said last; and its commands: read the list again, record a consultation on
/// the chosen cases. The services decide; this only asks and says what they answered.
public final class ConsultationViewModel {
    // Properties
    private final ObservableList<HardCase> cases = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    private final Supplier<SupervisionServices> services;
    private final Session session;
    private final Messages words;
    private final TaskExecutor executor;
    private final HardCaseRules rules;
    private final Supplier<TicketHistory> history;
    private TicketRowsById rows = TicketRowsById.NONE;
    /// the consultation this screen recorded last: the same record asked again (记录会商结果 clicked twice) is not
    /// stored a second time, which would put a second Consulted event in each ticket's trail
    private Recorded lastRecorded;

    private record Recorded(Consultation.Draft draft, Map<Long, String> reasons, long id) {
        boolean sameAs(Recorded other) {
            return draft.equals(other.draft) && reasons.equals(other.reasons);
        }
    }

    public ConsultationViewModel(Supplier<SupervisionServices> services, Supplier<TicketHistory> history, Session session,
                                 Language language, TaskExecutor executor, HardCaseRules rules) {
        this.services = services;
        this.history = history;
        this.session = session;
        this.words = Messages.of(language, "i18n/consult");
        this.executor = executor;
        this.rules = rules;
    }

    public Messages words() {
        return words;
    }

    public HardCaseRules rules() {
        return rules;
    }

    public ObservableList<HardCase> cases() {
        return cases;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /// whether the permission table lets this person record (the service also checks the unit)
    public boolean mayRecord() {
        return session.may(Permission.CONSULTATION_RECORD);
    }

    // Commands

    /// Reads the list again.
    public void load() {
        busy.set(true);
        count.set(words.get("consult.loading"));
        executor.submit(() -> {
            SupervisionServices s = services.get();
            if (s == null) {
                throw new IllegalStateException("the store is not open yet");
            }
            List<Unit> followUps = s.organisation().units().stream()
                    .filter(u -> u.isCentre() || u.isTeam()).sorted(java.util.Comparator.comparing(Unit::id)).toList();
            List<HardCase> found = s.consultations().hardCases(session, rules);
            return new Loaded(found, followUps, TicketRowsById.read(history,
                    found.stream().flatMap(c -> c.tickets().stream()).toList(), java.time.Instant.now()));
        }, loaded -> {
            busy.set(false);
            rows = loaded.rows();
            cases.setAll(loaded.cases());
            units.setAll(loaded.units());
            count.set(loaded.cases().isEmpty() ? words.get("consult.empty") : words.get("consult.count", loaded.cases().size()));
        }, this::failed);
    }

    /// Records a consultation on `chosen` cases (each of their tickets, with why it was listed).
    public void record(List<HardCase> chosen, LocalDate heldOn, String participants, String findings, String decision, Unit followUp,
                       LocalDate followUpDue) {
        Map<Long, String> reasons = new LinkedHashMap<>();
        for (HardCase c : chosen) {
            c.tickets().forEach(t -> reasons.merge(t.id(), c.reason().name(), (a, b) -> a.contains(b) ? a : a + "," + b));
        }
        Consultation.Draft draft = new Consultation.Draft(heldOn, participants, findings, decision,
                followUp == null ? null : followUp.id(), followUpDue);
        Recorded asked = new Recorded(draft, Map.copyOf(reasons), 0);
        if (lastRecorded != null && lastRecorded.sameAs(asked)) {
            message.set(words.get("consult.alreadyRecorded", lastRecorded.id()));
            return;
        }
        busy.set(true);
        executor.submit(() -> services.get().consultations().record(session, draft, reasons), done -> {
            busy.set(false);
            lastRecorded = new Recorded(draft, asked.reasons(), done.id());
            message.set(words.get("consult.recorded", done.id(), done.tickets().size()));
        }, this::failed);
    }

    /// What a case says in the list: why, how many tickets, what binds them.
    public String describe(HardCase c) {
        String what = c.key();
        if (what.isEmpty() && c.tickets().size() == 1) {
            var t = c.tickets().getFirst();
            what = t.code() + " " + (t.itemName().isEmpty() ? t.summary() : t.itemName());
        }
        return words.get("consult.case", words.get("consult.reason." + c.reason().name()), c.tickets().size(), what);
    }

    public String rulesText() {
        return words.get("consult.rules", rules.windowDays(), rules.repeatRequests(), rules.overdueWorkingDays(),
                rules.reopenedOrDissatisfied());
    }

    private void failed(Throwable failure) {
        busy.set(false);
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String text = cause instanceof SupervisionRefused r ? r.message(words.language() == Language.EN ? Locale.ENGLISH : Locale.CHINA)
                : cause instanceof RefusedInWords w ? w.messageKey() : words.get("consult.failed", String.valueOf(cause.getMessage()));
        message.set(text);
        if (count.get().equals(words.get("consult.loading"))) {
            count.set("");
        }
    }

    /// the queue's rows of a case's tickets
    public List<QueueItem> rowsOf(HardCase c) {
        return rows.of(c.tickets());
    }

    private record Loaded(List<HardCase> cases, List<Unit> units, TicketRowsById rows) {
        Loaded {
            cases = new ArrayList<>(cases);
        }
    }
}
