package org.griddesk.desk.admin;

import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.security.AlarmKindAdministration;
import org.griddesk.security.AlarmKindAdministration.AlarmKind;
import org.griddesk.security.AlarmKindAdministration.ItemChoice;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's table of alarm kinds without its nodes: which item each kind of video
/// alarm or sensor push names. Every operation goes to [AlarmKindAdministration] off the FX thread,
/// which checks the permission and audits it; a refusal comes back in words and changes nothing.
/// Picking a row fills the form with its kind and item, so a mapping is changed by picking another
/// item and mapping again.
public final class AlarmKindsViewModel implements ShowsOutcome {
    private final AlarmKindAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    private final ObservableList<AlarmKind> kinds = FXCollections.observableArrayList();
    private final ObservableList<ItemChoice> items = FXCollections.observableArrayList();
    private final ObjectProperty<AlarmKind> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty kind = new SimpleStringProperty(this, "kind", "");
    private final ObjectProperty<ItemChoice> item = new SimpleObjectProperty<>(this, "item");

    /// @param by the administrator signed in (every operation is theirs)
    public AlarmKindsViewModel(TaskExecutor executor, SecurityTexts texts, AlarmKindAdministration administration,
                               Supplier<Session> by) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                kind.set(now.kind());
                item.set(items.stream().filter(i -> i.code().equals(now.itemCode())).findFirst().orElse(null));
            }
        });
    }

    /// Reads the table and the catalogue's items again.
    public void refresh() {
        outcome.call(() -> new Read(administration.alarmKinds(by.get()), administration.alarmKindItems(by.get())), read -> {
            items.setAll(read.items());
            kinds.setAll(read.kinds());
        });
    }

    private record Read(java.util.List<AlarmKind> kinds, java.util.List<ItemChoice> items) {
    }

    /// Maps the form's kind to the form's item.
    public void map() {
        String k = kind.get() == null ? "" : kind.get().strip();
        ItemChoice chosen = item.get();
        if (k.isEmpty() || chosen == null) {
            outcome.refuse(texts.get("alarmKind.missing"));
            return;
        }
        outcome.call(() -> {
            administration.mapAlarmKind(by.get(), k, chosen.code());
            return administration.alarmKinds(by.get());
        }, list -> {
            kinds.setAll(list);
            outcome.done(texts.get("alarmKind.mapped", k, chosen.code(), chosen.name()));
        });
    }

    /// Removes the selected row's mapping.
    public void unmap() {
        AlarmKind row = selected.get();
        if (row == null) {
            outcome.refuse(texts.get("alarmKind.selectFirst"));
            return;
        }
        outcome.call(() -> {
            administration.unmapAlarmKind(by.get(), row.kind());
            return administration.alarmKinds(by.get());
        }, list -> {
            kinds.setAll(list);
            selected.set(null);
            outcome.done(texts.get("alarmKind.unmapped", row.kind()));
        });
    }

    public ObservableList<AlarmKind> kinds() {
        return kinds;
    }

    public ObservableList<ItemChoice> items() {
        return items;
    }

    public ObjectProperty<AlarmKind> selectedProperty() {
        return selected;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public ObjectProperty<ItemChoice> itemProperty() {
        return item;
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
