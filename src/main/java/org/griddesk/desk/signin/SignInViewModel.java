package org.griddesk.desk.signin;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.griddesk.security.Accounts;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;
import org.griddesk.ui.TaskExecutor;

/// The sign-in dialog without its nodes: name and password, then, when the account asks, a TOTP
/// code, and a new password when it must be changed (first sign-in, reset, expiry) or when the
/// person changes it from the desk. Every call to [Accounts] runs through the [TaskExecutor] (it
/// takes the ~300 ms of Argon2id); the answers come back on the UI thread, refusals in words.
public final class SignInViewModel {
    /// Where the dialog is.
    public enum Step {
        CREDENTIALS,
        SECOND_FACTOR,
        CHANGE_PASSWORD
    }

    /// the demo list in the order of the roles (dispatchers first, administrators last), then by name
    private static final Comparator<Accounts.DemoAccount> BY_ROLE = Comparator
            .comparingInt((Accounts.DemoAccount a) -> roleOrder(a.roleKey())).thenComparing(Accounts.DemoAccount::username);

    private final TaskExecutor executor;
    private volatile Workstation from;
    private SecurityTexts texts;
    private volatile Accounts accounts;
    private PasswordPolicySettings policy = PasswordPolicySettings.DEFAULT;
    /// the password change was asked from the desk (the person is signed in), not at sign-in
    private boolean changeFromDesk;
    /// the code step was asked for a password change (an account with a second factor), not a sign-in
    private boolean codeForChange;

    // Properties
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty oldPassword = new SimpleStringProperty(this, "oldPassword", "");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final StringProperty repeatPassword = new SimpleStringProperty(this, "repeatPassword", "");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.CREDENTIALS);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper unavailable = new ReadOnlyBooleanWrapper(this, "unavailable");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper changeReason = new ReadOnlyStringWrapper(this, "changeReason", "");
    private final ReadOnlyObjectWrapper<Session> signedIn = new ReadOnlyObjectWrapper<>(this, "signedIn");
    private final ObservableList<Accounts.DemoAccount> demoAccounts = FXCollections.observableArrayList();

    public SignInViewModel(TaskExecutor executor, SecurityTexts texts, Workstation from) {
        this.executor = executor;
        this.texts = texts;
        this.from = from;
    }

    /// The store's accounts, once it is open: the dialog can sign in from now on, and a demo store's
    /// accounts fill the "sign in as" list.
    public void useAccounts(Accounts service) {
        this.accounts = service;
        refreshDemoAccounts();
    }

    /// The store could not be opened at all: nobody can sign in, and the dialog says why instead of
    /// waiting for it.
    public void storeUnavailable(String reason) {
        unavailable.set(true);
        message.set(texts.get("signin.failed.open", reason));
    }

    /// true once the store failed to open ([#storeUnavailable])
    public ReadOnlyBooleanProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /// Reads the demo store's accounts again (they come with the demo district, after the store opens).
    public void refreshDemoAccounts() {
        Accounts service = accounts;
        if (service == null) {
            return;
        }
        executor.submit(() -> service.demoAccounts().stream().sorted(BY_ROLE).toList(), demo -> {
            if (!demo.equals(demoAccounts)) {
                demoAccounts.setAll(demo);
            }
            ready.set(true);
        }, failure -> {
            ready.set(true);
            message.set(texts.get("signin.failed.store", failure.getMessage()));
        });
    }

    /// This desk, as the audit records sign-ins from it.
    public void useWorkstation(Workstation here) {
        this.from = here;
    }

    /// The password policy, for the words under the new password.
    public void usePolicy(PasswordPolicySettings settings) {
        this.policy = settings;
    }

    public void useTexts(SecurityTexts newTexts) {
        this.texts = newTexts;
    }

    // Commands

    /// Checks the name and password (and the code on the second step).
    public void signIn() {
        if (busy.get() || !ready.get()) {
            return;
        }
        String name = username.get().strip();
        if (name.isEmpty()) {
            message.set(texts.get("signin.missing.username"));
            return;
        }
        if (password.get().isEmpty()) {
            message.set(texts.get("signin.missing.password"));
            return;
        }
        String secondFactor = null;
        if (step.get() == Step.SECOND_FACTOR) {
            secondFactor = code.get().strip();
            if (!secondFactor.matches("\\d{6}")) {
                message.set(texts.get("signin.missing.code"));
                return;
            }
        }
        char[] secret = password.get().toCharArray();
        String factor = secondFactor;
        run(() -> {
            try {
                return accounts.signIn(name, secret, factor, from);
            } finally {
                Arrays.fill(secret, '\0');
            }
        });
    }

    /// Sets the new password (checked by the account service against the policy and the history).
    public void changePassword() {
        boolean changeStep = step.get() == Step.CHANGE_PASSWORD || (step.get() == Step.SECOND_FACTOR && codeForChange);
        if (busy.get() || !ready.get() || !changeStep) {
            return;
        }
        if (oldPassword.get().isEmpty() || newPassword.get().isEmpty()) {
            message.set(texts.get("signin.missing.password"));
            return;
        }
        if (!newPassword.get().equals(repeatPassword.get())) {
            message.set(texts.get("signin.change.mismatch"));
            repeatPassword.set("");
            return;
        }
        String name = username.get().strip();
        char[] old = oldPassword.get().toCharArray();
        char[] fresh = newPassword.get().toCharArray();
        String factor = code.get().isBlank() ? null : code.get().strip();
        run(() -> {
            try {
                return accounts.changePassword(name, old, fresh, factor, from);
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(fresh, '\0');
            }
        });
    }

    /// The button of the step shown: sign in, verify the code, or change the password.
    public void submit() {
        if (step.get() == Step.CHANGE_PASSWORD || (step.get() == Step.SECOND_FACTOR && codeForChange)) {
            changePassword();
        } else {
            signIn();
        }
    }

    /// A demo account from the "sign in as" list: its name and password are filled in.
    public void chooseDemo(Accounts.DemoAccount account) {
        if (account == null || busy.get()) {
            return;
        }
        step.set(Step.CREDENTIALS);
        username.set(account.username());
        password.set(account.password());
        message.set("");
    }

    /// Back from the code or the password change to the first step.
    public void back() {
        if (!busy.get()) {
            clearSecrets();
            codeForChange = false;
            step.set(Step.CREDENTIALS);
            message.set("");
        }
    }

    /// Empty again, for the next person (sign-out, change of person).
    public void reset() {
        clearSecrets();
        username.set("");
        step.set(Step.CREDENTIALS);
        message.set("");
        changeReason.set("");
        changeFromDesk = false;
        codeForChange = false;
        signedIn.set(null);
    }

    /// Says something before anyone types (why the last session ended).
    public void tell(String text) {
        message.set(text == null ? "" : text);
    }

    /// The person signed in changes their own password from the desk: the change step, their
    /// name filled in, the current password asked.
    public void startChange(String signedInName) {
        reset();
        changeFromDesk = true;
        username.set(signedInName);
        changeReason.set(texts.get("signin.change.reason.desk"));
        step.set(Step.CHANGE_PASSWORD);
    }

    private void run(Callable<SignInResult> call) {
        busy.set(true);
        message.set("");
        executor.submit(call, result -> {
            busy.set(false);
            answer(result);
        }, failure -> {
            busy.set(false);
            message.set(texts.get("signin.failed.store", failure.getMessage()));
        });
    }

    private void answer(SignInResult result) {
        switch (result) {
            case SignInResult.SignedIn in -> {
                clearSecrets();
                message.set("");
                signedIn.set(in.session());
            }
            case SignInResult.SecondFactorRequired second -> {
                codeForChange = step.get() == Step.CHANGE_PASSWORD;
                code.set("");
                step.set(Step.SECOND_FACTOR);
            }
            case SignInResult.PasswordChangeRequired change -> {
                oldPassword.set(password.get());
                newPassword.set("");
                repeatPassword.set("");
                changeReason.set(reason(change.reasonKey()));
                step.set(Step.CHANGE_PASSWORD);
            }
            case SignInResult.Refused refused -> {
                message.set(texts.refusal(refused.messageKey(), refused.args()));
                if (step.get() == Step.CHANGE_PASSWORD) {
                    newPassword.set("");
                    repeatPassword.set("");
                    if (changeFromDesk) {
                        oldPassword.set("");
                    }
                } else {
                    password.set("");
                    code.set("");
                }
            }
        }
    }

    private static int roleOrder(String roleKey) {
        String name = roleKey == null ? "" : roleKey.substring(roleKey.lastIndexOf('.') + 1);
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    /// The change's reason in words: the service's key (`first`, `reset`, `expired`, or a key of its own).
    private String reason(String key) {
        if (key == null) {
            return "";
        }
        for (String known : List.of("first", "reset", "expired")) {
            if (key.toLowerCase(Locale.ROOT).contains(known)) {
                return texts.get("signin.change.reason." + known);
            }
        }
        return texts.refusal(key);
    }

    private void clearSecrets() {
        password.set("");
        code.set("");
        oldPassword.set("");
        newPassword.set("");
        repeatPassword.set("");
    }

    // Properties (accessors)

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty oldPasswordProperty() {
        return oldPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatPasswordProperty() {
        return repeatPassword;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /// True while the account service is asked (the dialog shows it is working).
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// True once the store's accounts can be asked.
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /// The last refusal or problem in words (empty when none).
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /// Why the password must be changed.
    public ReadOnlyStringProperty changeReasonProperty() {
        return changeReason.getReadOnlyProperty();
    }

    /// What a new password must be, in words.
    public String policyText() {
        return texts.get("signin.change.policy", policy.minLength(), policy.historySize());
    }

    /// Whether the change was asked from the desk (no sign-in follows for the dialog).
    public boolean changeFromDesk() {
        return changeFromDesk;
    }

    /// The session once signed in (null before, and after [#reset]).
    public ReadOnlyObjectProperty<Session> signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    /// The demo store's accounts (empty in a real store).
    public ObservableList<Accounts.DemoAccount> demoAccounts() {
        return demoAccounts;
    }
}
