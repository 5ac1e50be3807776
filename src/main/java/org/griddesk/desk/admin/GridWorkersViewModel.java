package org.griddesk.desk.admin;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.security.GridWorkerAdministration;
import org.griddesk.security.GridWorkerAdministration.Post;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's grid-worker tab without its nodes: every grid's worker post and every
/// community's grid-leader post, searched by code, name or the person's name; the selected post
/// given to a person (a new one replaces whoever held it). [GridWorkerAdministration] checks,
/// audits and records each assignment off the FX thread; a refusal comes back in words.
public final class GridWorkersViewModel implements ShowsOutcome {
    private final GridWorkerAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    // Properties
    private final ObservableList<Post> posts = FXCollections.observableArrayList();
    private final FilteredList<Post> shown = new FilteredList<>(posts);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Post> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty workerId = new SimpleStringProperty(this, "workerId", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");

    public GridWorkersViewModel(TaskExecutor executor, SecurityTexts texts, GridWorkerAdministration administration,
                                Supplier<Session> by) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
        search.addListener((obs, old, now) -> shown.setPredicate(p -> matches(p, now)));
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                // the holder's id and name to keep them (a new phone), or to type over with a new person
                workerId.set(now.holder() == null ? "" : now.holder().id());
                name.set(now.holder() == null ? "" : now.holder().name());
                phone.set("");
            }
        });
    }

    private static boolean matches(Post post, String search) {
        String s = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() || post.regionCode().toLowerCase(Locale.ROOT).contains(s) || post.regionName().contains(s)
                || post.communityName().contains(s) || post.holder() != null && post.holder().name().contains(s);
    }

    // Commands

    public void refresh() {
        outcome.call(() -> administration.posts(by.get()), posts::setAll);
    }

    /// Gives the selected post to the person in the form.
    public void assign() {
        Post post = selected.get();
        if (post == null) {
            outcome.refuse(texts.get("admin.district.selectFirst"));
            return;
        }
        String id = workerId.get();
        String person = name.get();
        String typedPhone = phone.get();
        outcome.call(() -> {
            administration.assign(by.get(), post.regionCode(), id, person, typedPhone);
            return administration.posts(by.get());
        }, list -> {
            posts.setAll(list);
            selected.set(list.stream().filter(p -> p.regionCode().equals(post.regionCode())).findFirst().orElse(null));
            outcome.done(texts.get("admin.district.workers.assigned", post.regionCode() + " " + post.regionName(), person.strip()));
        });
    }

    public ObservableList<Post> posts() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Post> selectedProperty() {
        return selected;
    }

    public StringProperty workerIdProperty() {
        return workerId;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
