package org.griddesk.desk.admin;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.security.ChannelKeyAdministration;
import org.griddesk.security.ChannelKeyAdministration.KeyHolder;
import org.griddesk.security.ChannelKeyAdministration.KeyRow;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The system administrator's gateway-key tab without its nodes: every key (never the key itself),
/// a form that issues one for a channel or a team — the new key held here until the administrator
/// says it is stored, then forgotten — and the selected key revoked. [ChannelKeyAdministration]
/// checks, audits and records each change off the FX thread.
public final class ChannelKeysViewModel implements ShowsOutcome {
    private final ChannelKeyAdministration administration;
    private final Supplier<Session> by;
    private final SecurityTexts texts;
    private final AdminOutcome outcome;

    // Properties
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final ObservableList<KeyHolder> holders = FXCollections.observableArrayList();
    private final ObjectProperty<KeyRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<KeyHolder> holder = new SimpleObjectProperty<>(this, "holder");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final ReadOnlyStringWrapper issuedKey = new ReadOnlyStringWrapper(this, "issuedKey", "");

    public ChannelKeysViewModel(TaskExecutor executor, SecurityTexts texts, ChannelKeyAdministration administration,
                                Supplier<Session> by) {
        this.administration = administration;
        this.by = by;
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> texts);
    }

    // Commands

    public void refresh() {
        outcome.call(() -> new Read(administration.keys(by.get()), administration.keyHolders(by.get())), read -> {
            holders.setAll(read.holders());
            keys.setAll(read.keys());
        });
    }

    private record Read(List<KeyRow> keys, List<KeyHolder> holders) {
    }

    /// Issues a key for the form's holder; the key is shown until [#dismissKey].
    public void issue() {
        KeyHolder chosen = holder.get();
        String typed = label.get();
        issuedKey.set("");
        outcome.call(() -> {
            var issued = administration.issueKey(by.get(), chosen, typed);
            return new Issued(issued, administration.keys(by.get()));
        }, done -> {
            keys.setAll(done.keys());
            label.set("");
            issuedKey.set(done.issued().key());
            outcome.done(texts.get("admin.district.keys.issued", done.issued().row().id(), done.issued().row().holderName()));
        });
    }

    private record Issued(ChannelKeyAdministration.IssuedKey issued, List<KeyRow> keys) {
    }

    /// Forgets the key just issued (it cannot be read again).
    public void dismissKey() {
        issuedKey.set("");
        outcome.clear();
    }

    public void revoke() {
        KeyRow row = selected.get();
        if (row == null) {
            outcome.refuse(texts.get("admin.district.selectFirst"));
            return;
        }
        outcome.call(() -> {
            administration.revokeKey(by.get(), row.id());
            return administration.keys(by.get());
        }, list -> {
            keys.setAll(list);
            selected.set(null);
            outcome.done(texts.get("admin.district.keys.revokedDone", row.id()));
        });
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    public ObservableList<KeyHolder> holders() {
        return holders;
    }

    public ObjectProperty<KeyRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<KeyHolder> holderProperty() {
        return holder;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ReadOnlyStringProperty issuedKeyProperty() {
        return issuedKey.getReadOnlyProperty();
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
