package org.griddesk.desk.admin;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.security.Session;
import org.griddesk.security.TaxonomyAdministration;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's catalogue tab without its nodes: the items with their deadline,
/// consultation flag and team types, filtered by code or name; the selected item's rule changed.
/// An urgent or general deadline takes its fixed days; a statutory one is typed. The service
/// ([TaxonomyAdministration]) checks the team types against the catalogue, audits and records it.
public final class CatalogueViewModel implements ShowsOutcome {
    private final TaxonomyAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    // Properties
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final FilteredList<Item> shown = new FilteredList<>(items);
    private final ObservableList<TeamType> teamTypes = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<DeadlineClass> deadlineClass = new SimpleObjectProperty<>(this, "deadlineClass");
    private final StringProperty days = new SimpleStringProperty(this, "days", "");
    private final BooleanProperty consultation = new SimpleBooleanProperty(this, "consultation");
    private final ObjectProperty<TeamType> streetTeamType = new SimpleObjectProperty<>(this, "streetTeamType");
    private final ObjectProperty<TeamType> districtTeamType = new SimpleObjectProperty<>(this, "districtTeamType");

    public CatalogueViewModel(TaskExecutor executor, SecurityTexts texts, TaxonomyAdministration administration,
                              Supplier<Session> by) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
        filter.addListener((obs, old, now) -> shown.setPredicate(i -> matches(i, now)));
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                deadlineClass.set(now.deadline().deadlineClass());
                days.set(String.valueOf(now.deadline().workingDays()));
                consultation.set(now.consultation());
                streetTeamType.set(type(now.streetTeamType()));
                districtTeamType.set(type(now.districtTeamType()));
            }
        });
        deadlineClass.addListener((obs, old, now) -> {
            if (now != null && now != DeadlineClass.STATUTORY) {
                days.set(String.valueOf(now.defaultDays()));
            }
        });
    }

    private static boolean matches(Item item, String filter) {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        return f.isEmpty() || item.code().toLowerCase(Locale.ROOT).contains(f) || item.name().contains(f);
    }

    private TeamType type(String code) {
        return teamTypes.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    // Commands

    public void refresh() {
        outcome.call(() -> new Read(administration.catalogueItems(by.get()), administration.catalogueTeamTypes(by.get())), read -> {
            teamTypes.setAll(read.teamTypes());
            items.setAll(read.items());
        });
    }

    private record Read(List<Item> items, List<TeamType> teamTypes) {
    }

    /// Saves the form as the selected item's rule.
    public void save() {
        Item item = selected.get();
        if (item == null) {
            outcome.refuse(texts.get("admin.district.selectFirst"));
            return;
        }
        DeadlinePolicy deadline = deadline();
        if (deadline == null) {
            outcome.refuse(texts.get("admin.district.taxonomy.badDeadline"));
            return;
        }
        boolean consult = consultation.get();
        String street = streetTeamType.get() == null ? null : streetTeamType.get().code();
        String district = districtTeamType.get() == null ? null : districtTeamType.get().code();
        outcome.call(() -> {
            administration.changeItemRule(by.get(), item.code(), deadline, consult, street, district);
            return administration.catalogueItems(by.get());
        }, list -> {
            items.setAll(list);
            selected.set(list.stream().filter(i -> i.code().equals(item.code())).findFirst().orElse(null));
            outcome.done(texts.get("admin.district.taxonomy.saved", item.code(), item.name()));
        });
    }

    /// The form's deadline, or null when its class and days do not make one.
    private DeadlinePolicy deadline() {
        try {
            return new DeadlinePolicy(deadlineClass.get(), Integer.parseInt(days.get().strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /// The team types of a level (the choices for the town's or the district's team).
    public List<TeamType> teamTypes(UnitLevel level) {
        return teamTypes.stream().filter(t -> t.level() == level).toList();
    }

    public ObservableList<Item> items() {
        return shown;
    }

    public ObservableList<TeamType> teamTypes() {
        return teamTypes;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Item> selectedProperty() {
        return selected;
    }

    public ObjectProperty<DeadlineClass> deadlineClassProperty() {
        return deadlineClass;
    }

    public StringProperty daysProperty() {
        return days;
    }

    public BooleanProperty consultationProperty() {
        return consultation;
    }

    public ObjectProperty<TeamType> streetTeamTypeProperty() {
        return streetTeamType;
    }

    public ObjectProperty<TeamType> districtTeamTypeProperty() {
        return districtTeamType;
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
