package org.griddesk.desk.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.security.OrganisationAdministration;
import org.griddesk.security.OrganisationAdministration.NewUnit;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's organisation tab without its nodes: centres, teams and departments
/// filtered by id or name; the selected unit renamed, its contact or team type changed, or removed;
/// a new unit added. Every operation goes to [OrganisationAdministration] off the FX thread, which
/// checks, audits and records it; a refusal comes back in words and changes nothing.
public final class OrganisationViewModel implements ShowsOutcome {
    private final OrganisationAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    // Properties
    private final ObservableList<UnitEntry> units = FXCollections.observableArrayList();
    private final FilteredList<UnitEntry> shown = new FilteredList<>(units);
    private final Map<String, String> names = new HashMap<>();
    private final ObservableList<TeamType> teamTypes = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<UnitEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty contactName = new SimpleStringProperty(this, "contactName", "");
    private final StringProperty contactPhone = new SimpleStringProperty(this, "contactPhone", "");
    private final ObjectProperty<TeamType> teamType = new SimpleObjectProperty<>(this, "teamType");
    private final StringProperty newId = new SimpleStringProperty(this, "newId", "");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ObjectProperty<UnitKind> newKind = new SimpleObjectProperty<>(this, "newKind", UnitKind.TEAM);
    private final ObjectProperty<UnitLevel> newLevel = new SimpleObjectProperty<>(this, "newLevel", UnitLevel.STREET);
    private final ObjectProperty<UnitEntry> newParent = new SimpleObjectProperty<>(this, "newParent");
    private final ObjectProperty<TeamType> newTeamType = new SimpleObjectProperty<>(this, "newTeamType");

    /// @param by the administrator signed in (every operation is theirs)
    public OrganisationViewModel(TaskExecutor executor, SecurityTexts texts, OrganisationAdministration administration,
                                 Supplier<Session> by) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
        filter.addListener((obs, old, now) -> shown.setPredicate(u -> matches(u, now)));
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                name.set(now.unit().name());
                contactName.set(now.contactName() == null ? "" : now.contactName());
                contactPhone.set(""); // a phone is typed anew, never shown whole
                teamType.set(teamTypes.stream().filter(t -> t.code().equals(now.teamTypeCode())).findFirst().orElse(null));
            }
        });
    }

    private static boolean matches(UnitEntry unit, String filter) {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        return f.isEmpty() || unit.unit().id().toLowerCase(Locale.ROOT).contains(f) || unit.unit().name().contains(f);
    }

    // Commands

    /// Reads the units and the catalogue's team types again.
    public void refresh() {
        outcome.call(() -> new Read(administration.units(by.get()), administration.unitTeamTypes(by.get())), read -> {
            teamTypes.setAll(read.teamTypes());
            show(read.units());
        });
    }

    private record Read(List<UnitEntry> units, List<TeamType> teamTypes) {
    }

    public void rename() {
        UnitEntry unit = selected.get();
        if (unit == null) {
            outcome.refuse(texts.get("admin.district.selectFirst"));
            return;
        }
        String typed = name.get();
        change(() -> administration.renameUnit(by.get(), unit.unit().id(), typed),
                texts.get("admin.district.org.renamed", unit.unit().id(), typed == null ? "" : typed.strip()));
    }

    public void saveContact() {
        UnitEntry unit = selected.get();
        if (unit == null) {
            outcome.refuse(texts.get("admin.district.selectFirst"));
            return;
        }
        String person = contactName.get();
        String phone = contactPhone.get();
        change(() -> administration.changeContact(by.get(), unit.unit().id(), person, phone),
                texts.get("admin.district.org.contactSaved", unit.unit().id()));
    }

    public void saveTeamType() {
        UnitEntry unit = selected.get();
        TeamType type = teamType.get();
        if (unit == null) {
            outcome.refuse(texts.get("admin.district.selectFirst"));
            return;
        }
        String code = type == null ? null : type.code();
        change(() -> administration.changeTeamType(by.get(), unit.unit().id(), code),
                texts.get("admin.district.org.teamTypeSaved", unit.unit().id(), code));
    }

    public void remove() {
        UnitEntry unit = selected.get();
        if (unit == null) {
            outcome.refuse(texts.get("admin.district.selectFirst"));
            return;
        }
        change(() -> administration.removeUnit(by.get(), unit.unit().id()), texts.get("admin.district.org.removed", unit.unit().id()));
    }

    public void add() {
        UnitEntry parent = newParent.get();
        TeamType type = newKind.get() == UnitKind.TEAM ? newTeamType.get() : null;
        NewUnit unit = new NewUnit(newId.get(), newName.get(), newLevel.get(), newKind.get(), parent == null ? null : parent.unit().id(),
                type == null ? null : type.code(), null, null);
        // the form stays filled after a refusal, so that one field can be put right
        change(() -> administration.addUnit(by.get(), unit), texts.get("admin.district.org.added",
                unit.id() == null ? "" : unit.id().strip(), unit.name() == null ? "" : unit.name().strip()), () -> {
                    newId.set("");
                    newName.set("");
                });
    }

    private void change(Runnable work, String done) {
        change(work, done, () -> { });
    }

    /// Runs a change, then reads the units again, says `done` and runs `after`.
    private void change(Runnable work, String done, Runnable after) {
        outcome.call(() -> {
            work.run();
            return administration.units(by.get());
        }, list -> {
            String keep = selected.get() == null ? null : selected.get().unit().id();
            show(list);
            selected.set(list.stream().filter(u -> u.unit().id().equals(keep)).findFirst().orElse(null));
            after.run();
            outcome.done(done);
        });
    }

    private void show(List<UnitEntry> list) {
        names.clear();
        list.forEach(u -> names.put(u.unit().id(), u.unit().name()));
        units.setAll(list);
    }

    /// A unit's name by its id (the id itself when the list does not hold it).
    public String unitName(String id) {
        return names.getOrDefault(id, id);
    }

    /// The centres a new unit may hang under (the service decides which fits).
    public List<UnitEntry> centres() {
        return units.stream().filter(u -> u.unit().isCentre()).toList();
    }

    // Properties

    public ObservableList<UnitEntry> units() {
        return shown;
    }

    public ObservableList<TeamType> teamTypes() {
        return teamTypes;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<UnitEntry> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty contactNameProperty() {
        return contactName;
    }

    public StringProperty contactPhoneProperty() {
        return contactPhone;
    }

    public ObjectProperty<TeamType> teamTypeProperty() {
        return teamType;
    }

    public StringProperty newIdProperty() {
        return newId;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<UnitKind> newKindProperty() {
        return newKind;
    }

    public ObjectProperty<UnitLevel> newLevelProperty() {
        return newLevel;
    }

    public ObjectProperty<UnitEntry> newParentProperty() {
        return newParent;
    }

    public ObjectProperty<TeamType> newTeamTypeProperty() {
        return newTeamType;
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
