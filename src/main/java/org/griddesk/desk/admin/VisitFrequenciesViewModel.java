package org.griddesk.desk.admin;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.security.Session;
import org.griddesk.security.VisitFrequencyAdministration;
import org.griddesk.security.VisitFrequencyAdministration.GroupFrequency;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's visit frequencies without their nodes: how often each must-visit
/// group is visited, and a form to set the picked group's. Every operation goes to
/// [VisitFrequencyAdministration] off the FX thread, which checks the permission and audits it; a
/// refusal comes back in words and changes nothing. The visit plans, the overdue lists and the
/// workers' tasks follow a change at their next read.
public final class VisitFrequenciesViewModel implements ShowsOutcome {
    private final VisitFrequencyAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    private final ObservableList<GroupFrequency> groups = FXCollections.observableArrayList();
    private final ObjectProperty<GroupFrequency> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<VisitFrequency> frequency = new SimpleObjectProperty<>(this, "frequency");

    /// @param by the administrator signed in (every operation is theirs)
    public VisitFrequenciesViewModel(TaskExecutor executor, SecurityTexts texts, VisitFrequencyAdministration administration,
                                     Supplier<Session> by) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
        selected.addListener((obs, old, now) -> frequency.set(now == null ? null : now.frequency()));
    }

    /// Reads the groups' frequencies again.
    public void refresh() {
        outcome.call(() -> administration.visitFrequencies(by.get()), groups::setAll);
    }

    /// Sets the picked group's frequency to the one chosen.
    public void set() {
        GroupFrequency row = selected.get();
        VisitFrequency chosen = frequency.get();
        if (row == null || chosen == null) {
            outcome.refuse(texts.refusal("admin.visits.missing"));
            return;
        }
        outcome.call(() -> {
            administration.setVisitFrequency(by.get(), row.group(), chosen);
            return administration.visitFrequencies(by.get());
        }, list -> {
            groups.setAll(list);
            selected.set(list.stream().filter(g -> g.group() == row.group()).findFirst().orElse(null));
            outcome.done(texts.get("admin.visits.set", groupName(row.group()), frequencyName(chosen)));
        });
    }

    /// The group's name in the desk's language.
    public String groupName(Category group) {
        return texts.get("admin.visits.group." + group.name());
    }

    /// The frequency's name in the desk's language.
    public String frequencyName(VisitFrequency f) {
        return f == null ? "" : texts.get("admin.visits.frequency." + f.name());
    }

    public List<VisitFrequency> frequencies() {
        return List.of(VisitFrequency.values());
    }

    public ObservableList<GroupFrequency> groups() {
        return groups;
    }

    public ObjectProperty<GroupFrequency> selectedProperty() {
        return selected;
    }

    public ObjectProperty<VisitFrequency> frequencyProperty() {
        return frequency;
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
