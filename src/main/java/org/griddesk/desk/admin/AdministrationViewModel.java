package org.griddesk.desk.admin;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.security.AccountAdministration;
import org.griddesk.security.AccountAdministration.AccountSummary;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The system and security administrators' screens without their nodes: the accounts, a new
/// account, enabling and disabling (system administrator); roles, unlocks, password resets and the
/// password policy (security administrator). Every operation goes to [AccountAdministration] off the
/// FX thread, which checks 三员分立 and the permission table and audits it; a refusal comes back in
/// words and changes nothing here. The view greys out what [#may] refuses.
public final class AdministrationViewModel implements ShowsOutcome {
    private final AccountAdministration administration;
    private final Supplier<Session> by;
    private SecurityTexts texts;

    // Properties
    private final ObservableList<AccountSummary> accounts = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObjectProperty<AccountSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty newUsername = new SimpleStringProperty(this, "newUsername", "");
    private final StringProperty newDisplayName = new SimpleStringProperty(this, "newDisplayName", "");
    private final ObjectProperty<Unit> newUnit = new SimpleObjectProperty<>(this, "newUnit");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final Map<Role, BooleanProperty> roleChoices = new EnumMap<>(Role.class);
    private final Map<PolicyField, StringProperty> policy = new EnumMap<>(PolicyField.class);
    private final AdminOutcome outcome;
    private final ReadOnlyStringWrapper temporaryPassword = new ReadOnlyStringWrapper(this, "temporaryPassword", "");

    /// The password policy's fields, as the form shows them.
    public enum PolicyField {
        MIN_LENGTH, EXPIRY_DAYS, HISTORY_SIZE, MAX_FAILURES, LOCK_MINUTES, IDLE_LOCK_MINUTES;

        public String key() {
            String camel = switch (this) {
                case MIN_LENGTH -> "minLength";
                case EXPIRY_DAYS -> "expiryDays";
                case HISTORY_SIZE -> "historySize";
                case MAX_FAILURES -> "maxFailures";
                case LOCK_MINUTES -> "lockMinutes";
                case IDLE_LOCK_MINUTES -> "idleLockMinutes";
            };
            return "admin.policy." + camel;
        }
    }

    /// @param by the administrator signed in (every operation is theirs)
    public AdministrationViewModel(TaskExecutor executor, SecurityTexts texts, AccountAdministration administration,
                                   Supplier<Session> by) {
        this.texts = texts;
        this.outcome = new AdminOutcome(executor, () -> this.texts);
        this.administration = administration;
        this.by = by;
        for (Role role : Role.PERSONAL) {
            roleChoices.put(role, new SimpleBooleanProperty(this, "role" + role.name()));
        }
        for (PolicyField field : PolicyField.values()) {
            policy.put(field, new SimpleStringProperty(this, field.name(), ""));
        }
        selected.addListener((obs, old, now) -> roleChoices.forEach((role, chosen) ->
                chosen.set(now != null && now.roles().contains(role))));
    }

    public void useTexts(SecurityTexts newTexts) {
        this.texts = newTexts;
    }

    /// The units a new account may belong to.
    public void useUnits(List<Unit> all) {
        units.setAll(all);
    }

    /// Whether the administrator signed in may do this (to grey out; the service decides).
    public boolean may(Permission permission) {
        Session session = by.get();
        return session != null && session.may(permission);
    }

    // Commands

    /// Reads the accounts again (and keeps the one selected, by name).
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().username();
        call(() -> administration.list(by.get()), list -> {
            accounts.setAll(list);
            selected.set(list.stream().filter(a -> a.username().equals(keep)).findFirst().orElse(null));
        });
    }

    /// Adds the account the form describes, with its initial password.
    public void add() {
        String name = newUsername.get().strip();
        String display = newDisplayName.get().strip();
        Unit unit = newUnit.get();
        if (name.isEmpty() || display.isEmpty() || unit == null || newPassword.get().isEmpty()) {
            refuse(texts.get("admin.missing"));
            return;
        }
        char[] initial = newPassword.get().toCharArray();
        call(() -> {
            try {
                return administration.add(by.get(), new AccountAdministration.NewAccount(name, display, unit.id(), initial));
            } finally {
                Arrays.fill(initial, '\0');
            }
        }, added -> {
            newUsername.set("");
            newDisplayName.set("");
            newPassword.set("");
            done(texts.get("admin.add.done", added.username()));
            refresh();
        });
    }

    public void setEnabled(boolean enabled) {
        withSelected(account -> call(() -> {
            administration.setEnabled(by.get(), account.username(), enabled);
            return null;
        }, ignored -> {
            done(texts.get(enabled ? "admin.enabled.done" : "admin.disabled.done", account.username()));
            refresh();
        }));
    }

    /// Gives the selected account the roles ticked.
    public void saveRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleChoices.forEach((role, chosen) -> {
            if (chosen.get()) {
                roles.add(role);
            }
        });
        withSelected(account -> call(() -> {
            administration.setRoles(by.get(), account.username(), roles);
            return null;
        }, ignored -> {
            done(texts.get("admin.roles.done", account.username()));
            refresh();
        }));
    }

    public void unlock() {
        withSelected(account -> call(() -> {
            administration.unlock(by.get(), account.username());
            return null;
        }, ignored -> {
            done(texts.get("admin.unlock.done", account.username()));
            refresh();
        }));
    }

    /// Sets a temporary password for the selected account: shown once, until dismissed.
    public void resetPassword() {
        withSelected(account -> call(() -> administration.resetPassword(by.get(), account.username()), temporary -> {
            temporaryPassword.set(temporary);
            done(texts.get("admin.reset.done", account.username(), temporary));
            refresh();
        }));
    }

    /// The temporary password was handed over: it is shown no more.
    public void dismissTemporaryPassword() {
        if (!temporaryPassword.get().isEmpty()) {
            temporaryPassword.set("");
            outcome.clear();
        }
    }

    public void loadPolicy() {
        call(() -> administration.policy(by.get()), read -> {
            policy.get(PolicyField.MIN_LENGTH).set(Integer.toString(read.minLength()));
            policy.get(PolicyField.EXPIRY_DAYS).set(Integer.toString(read.expiryDays()));
            policy.get(PolicyField.HISTORY_SIZE).set(Integer.toString(read.historySize()));
            policy.get(PolicyField.MAX_FAILURES).set(Integer.toString(read.maxFailures()));
            policy.get(PolicyField.LOCK_MINUTES).set(Integer.toString(read.lockMinutes()));
            policy.get(PolicyField.IDLE_LOCK_MINUTES).set(Integer.toString(read.idleLockMinutes()));
        });
    }

    /// Saves the form's policy; the service refuses what the level-3 rules do not allow.
    public void savePolicy() {
        int[] values = new int[PolicyField.values().length];
        for (PolicyField field : PolicyField.values()) {
            String text = policy.get(field).get().strip();
            try {
                values[field.ordinal()] = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                refuse(texts.get("admin.policy.notNumber", texts.get(field.key())));
                return;
            }
        }
        PasswordPolicySettings settings = new PasswordPolicySettings(values[0], values[1], values[2], values[3], values[4],
                values[5]);
        call(() -> {
            administration.setPolicy(by.get(), settings);
            return null;
        }, ignored -> done(texts.get("admin.policy.done")));
    }

    private void withSelected(Consumer<AccountSummary> then) {
        AccountSummary account = selected.get();
        if (account == null) {
            refuse(texts.get("admin.select.first"));
        } else {
            then.accept(account);
        }
    }

    private <T> void call(Callable<T> work, Consumer<T> onDone) {
        outcome.call(work, onDone);
    }

    private void done(String text) {
        outcome.done(text);
    }

    private void refuse(String text) {
        outcome.refuse(text);
    }

    // Properties (accessors)

    public ObservableList<AccountSummary> accounts() {
        return accounts;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObjectProperty<AccountSummary> selectedProperty() {
        return selected;
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newDisplayNameProperty() {
        return newDisplayName;
    }

    public ObjectProperty<Unit> newUnitProperty() {
        return newUnit;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    /// Whether a role is ticked for the selected account.
    public BooleanProperty roleChoice(Role role) {
        return roleChoices.get(role);
    }

    public StringProperty policyField(PolicyField field) {
        return policy.get(field);
    }

    /// A reset's temporary password, until dismissed (empty otherwise).
    public ReadOnlyStringProperty temporaryPasswordProperty() {
        return temporaryPassword.getReadOnlyProperty();
    }

    @Override
    public AdminOutcome outcome() {
        return outcome;
    }
}
