package org.griddesk.desk.care;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.domain.care.CareProfile;
import org.griddesk.domain.care.CareRecord;
import org.griddesk.domain.care.RiskLevel;
import org.griddesk.domain.care.SpecialGroup;
import org.griddesk.domain.org.Permission;
import org.griddesk.geo.Region;
import org.griddesk.security.RefusedInWords;
import org.griddesk.security.Session;
import org.griddesk.store.care.CareService;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The special groups of one grid as a supervisor works them: the households (masked) with their
/// groups and risk, the care records of the one picked (read with a reason: a recorded reveal), and
/// the form that records care. Every store call runs on the executor, never the FX thread; the
/// service decides, and its refusal shows in words.
public final class SpecialGroupsModel {
    private final TaskExecutor executor;
    private final CareService care;
    private final Session session;
    private final Region grid;
    private final Messages texts;
    private final ObservableList<CareProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<CareRecord> history = FXCollections.observableArrayList();
    private final ObjectProperty<CareProfile> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObjectProperty<RiskLevel> risk = new SimpleObjectProperty<>(this, "risk");
    private final ObjectProperty<Set<SpecialGroup>> groups = new SimpleObjectProperty<>(this, "groups", Set.of());
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty refused = new SimpleBooleanProperty(this, "refused");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    /// `texts`: the personal-data bundle the refusals speak from.
    public SpecialGroupsModel(TaskExecutor executor, CareService care, Session session, Region grid, Messages texts) {
        this.executor = executor;
        this.care = care;
        this.session = session;
        this.grid = grid;
        this.texts = texts;
        selected.addListener((obs, old, now) -> {
            boolean same = old != null && now != null && old.householdId().equals(now.householdId());
            if (!same) {
                history.clear(); // another household's notes are asked for anew, with a reason
            }
            risk.set(now == null ? null : now.risk());
            groups.set(now == null ? Set.of() : now.groups());
        });
    }

    public Region grid() {
        return grid;
    }

    /// Whether this person may record care (the form shows only then; the service checks again).
    public boolean mayRecord() {
        return session.may(Permission.CARE_RECORD);
    }

    /// Reads the grid's households.
    public void load() {
        run(() -> care.profiles(session, grid.code()), list -> {
            String picked = selected.get() == null ? null : selected.get().householdId();
            profiles.setAll(list);
            list.stream().filter(p -> p.householdId().equals(picked)).findFirst().ifPresent(selected::set);
        });
    }

    /// Reads the picked household's care records with their notes, for the reason given.
    public void readHistory() {
        CareProfile picked = selected.get();
        if (picked == null) {
            return;
        }
        run(() -> care.history(session, picked.householdId(), reason.get()), records -> {
            history.setAll(records);
            message.set(texts.get("care.historyShown", records.size()));
        });
    }

    /// Records care for the picked household as the form says, then reads the list again.
    public void record() {
        CareProfile picked = selected.get();
        if (picked == null) {
            return;
        }
        Set<SpecialGroup> chosen = groups.get().isEmpty() ? Set.of() : EnumSet.copyOf(groups.get());
        RiskLevel level = risk.get();
        String text = note.get();
        run(() -> care.record(session, picked.householdId(), level, chosen, text), done -> {
            note.set("");
            history.addFirst(done); // one's own note, just written: no reveal
            message.set(texts.get("care.recorded"));
            load();
        });
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> shown) {
        busy.set(true);
        refused.set(false);
        executor.submit(work, result -> {
            busy.set(false);
            shown.accept(result);
        }, failure -> {
            busy.set(false);
            refused.set(true);
            message.set(failure instanceof RefusedInWords r ? texts.get(r.messageKey(), r.args())
                    : texts.get("care.failed", failure.getMessage()));
        });
    }

    public ObservableList<CareProfile> profiles() {
        return profiles;
    }

    public ObservableList<CareRecord> history() {
        return history;
    }

    public ObjectProperty<CareProfile> selectedProperty() {
        return selected;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObjectProperty<RiskLevel> riskProperty() {
        return risk;
    }

    public ObjectProperty<Set<SpecialGroup>> groupsProperty() {
        return groups;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty refusedProperty() {
        return refused;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /// The groups in words, 四失 first: 生活失意、重点信访人员.
    public static String groupNames(Set<SpecialGroup> groups) {
        return String.join("、", groups.stream().sorted().map(SpecialGroup::zhName).toList());
    }

    static List<SpecialGroup> allGroups() {
        return List.of(SpecialGroup.values());
    }
}
