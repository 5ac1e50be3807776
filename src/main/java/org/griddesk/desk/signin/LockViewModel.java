package org.griddesk.desk.signin;

import java.util.Arrays;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.desk.session.SessionViewModel;
import org.griddesk.security.Accounts;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;

/// The lock screen without its nodes: the signed-in person's password unlocks the desk
/// ([Accounts#unlock], off the FX thread); a wrong one says so, and one that locked the account out
/// signs the person out (the sign-in dialog comes back).
public final class LockViewModel {
    private final TaskExecutor executor;
    private final IdleLock lock;
    private final SessionViewModel sessions;
    private SecurityTexts texts;
    /// whether the store still holds the session (false after a lockout)
    private Predicate<Session> stillActive = session -> true;

    // Properties
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public LockViewModel(TaskExecutor executor, SecurityTexts texts, IdleLock lock, SessionViewModel sessions) {
        this.executor = executor;
        this.texts = texts;
        this.lock = lock;
        this.sessions = sessions;
        lock.lockedProperty().addListener((obs, was, locked) -> {
            password.set("");
            if (locked) {
                message.set("");
            }
        });
    }

    /// How the store says whether a session is still valid (the account service's).
    public void checkSessionsWith(Predicate<Session> active) {
        this.stillActive = active;
    }

    public void useTexts(SecurityTexts newTexts) {
        this.texts = newTexts;
    }

    // Commands

    public void unlock() {
        Session session = sessions.current();
        Accounts accounts = sessions.accounts();
        if (busy.get() || session == null || accounts == null) {
            return;
        }
        if (password.get().isEmpty()) {
            message.set(texts.get("signin.missing.password"));
            return;
        }
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        message.set("");
        record Answer(boolean unlocked, boolean active) {
        }
        executor.submit(() -> {
            try {
                boolean ok = accounts.unlock(session, secret);
                return new Answer(ok, ok || stillActive.test(session));
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, answer -> {
            busy.set(false);
            if (answer.unlocked()) {
                lock.unlocked();
            } else if (!answer.active()) {
                sessions.endedInStore(texts.get("lock.lockedOut"));
            } else {
                message.set(texts.get("lock.wrong"));
            }
        }, failure -> {
            busy.set(false);
            message.set(texts.get("signin.failed.store", failure.getMessage()));
        });
    }

    /// Signs out from the lock screen (another person may then sign in).
    public void signOut() {
        if (!busy.get()) {
            sessions.signOut();
        }
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// A wrong password or a lockout, in words.
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /// The lock screen's sentence: whose password unlocks.
    public String prompt() {
        Session session = sessions.current();
        return texts.get("lock.text", session == null ? "" : session.displayName());
    }
}
