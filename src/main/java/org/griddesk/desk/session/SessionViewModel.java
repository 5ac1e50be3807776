package org.griddesk.desk.session;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.security.Accounts;
import org.griddesk.security.Session;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Who is signed in at this desk: the [Session], the face the desk shows them ([DeskFace]), the
/// words of the status bar, and whether the store is the demo's (演示库). Signing out ends the session
/// in the store (off the FX thread) and empties the desk at once; the next person's desk is read
/// for them. Holds no nodes.
public final class SessionViewModel {
    private static final Logger log = LoggerFactory.getLogger(SessionViewModel.class);

    private final TaskExecutor executor;
    private SecurityTexts texts;
    private volatile Accounts accounts;
    private Organisation organisation;
    /// records that the desk was locked (the audit's DESK_LOCKED), off the FX thread
    private Consumer<Session> lockRecorder = session -> { };

    // Properties
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<DeskFace> face = new ReadOnlyObjectWrapper<>(this, "face", DeskFace.SIGNED_OUT);
    private final ReadOnlyBooleanWrapper demoStore = new ReadOnlyBooleanWrapper(this, "demoStore");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper(this, "who", "");
    private final ReadOnlyStringWrapper farewell = new ReadOnlyStringWrapper(this, "farewell", "");

    public SessionViewModel(TaskExecutor executor, SecurityTexts texts) {
        this.executor = executor;
        this.texts = texts;
        session.addListener((obs, old, now) -> {
            face.set(DeskFace.of(now));
            describe();
        });
        describe();
    }

    /// The store's accounts, once it is open.
    public void useAccounts(Accounts service) {
        this.accounts = service;
    }

    /// How the desk's being locked is recorded in the audit (the account service's).
    public void recordLocksWith(Consumer<Session> recorder) {
        this.lockRecorder = recorder;
    }

    /// The store has demo accounts: the status bar says 演示库.
    public void setDemoStore(boolean demo) {
        demoStore.set(demo);
    }

    /// The district's organisation (unit names, and the unit a person is seated in).
    public void useOrganisation(Organisation read) {
        this.organisation = read;
        describe();
    }

    public void useTexts(SecurityTexts newTexts) {
        this.texts = newTexts;
        describe();
    }

    // Commands

    /// Someone signed in (the sign-in dialog's answer).
    public void signedIn(Session signed) {
        farewell.set("");
        Session before = session.get();
        // another person, or the same person signed in anew (a password change from the desk): the
        // session it replaces ends in the store
        if (before != null && !before.equals(signed)) {
            endInStore(before);
        }
        session.set(signed);
    }

    /// Ends the session: the desk empties at once; the store hears it in the background.
    public void signOut() {
        signOut("");
    }

    /// Ends the session for a reason the sign-in dialog then says.
    public void signOut(String reason) {
        Session ending = session.get();
        if (ending == null) {
            return;
        }
        farewell.set(reason);
        session.set(null);
        endInStore(ending);
    }

    /// The account service has ended the session already (an unlock refused because the account
    /// was locked out, disabled or given other roles): the desk empties, the store hears nothing
    /// more, and the sign-in dialog says `reason`.
    public void endedInStore(String reason) {
        if (session.get() != null) {
            farewell.set(reason);
            session.set(null);
        }
    }

    /// The desk closes: what ends the session in the store, to run on the closing thread before the
    /// store closes (nothing when nobody is signed in). The desk shows nothing more, so the session
    /// is not emptied here.
    public Runnable endOnClose() {
        Session ending = session.get();
        Accounts service = accounts;
        if (ending == null || service == null) {
            return () -> { };
        }
        return () -> {
            try {
                service.signOut(ending);
            } catch (RuntimeException e) {
                log.warn("the sign-out of {} at closing was not recorded: {}", ending.username(), e.getMessage());
            }
        };
    }

    /// The desk was locked: recorded in the audit, in the background.
    public void deskLocked() {
        Session locked = session.get();
        if (locked != null) {
            executor.submit(() -> {
                lockRecorder.accept(locked);
                return null;
            }, ignored -> { }, failure -> log.warn("the desk's lock was not recorded: {}", failure.getMessage()));
        }
    }

    private void endInStore(Session ending) {
        Accounts service = accounts;
        if (service == null) {
            return;
        }
        executor.submit(() -> {
            service.signOut(ending);
            return null;
        }, ignored -> { }, failure -> log.warn("the sign-out of {} was not recorded: {}", ending.username(), failure.getMessage()));
    }

    // Questions

    /// Whether the person signed in may do this (the permission table; the services decide).
    public boolean may(Permission permission) {
        Session now = session.get();
        return now != null && now.may(permission);
    }

    /// The person as the ticket desk seats them: their acting role in their unit of this
    /// organisation; empty for administrators, grid workers, a unit the organisation lacks, or a
    /// role the unit cannot hold (a dispatcher of a team).
    public Optional<DeskUser> seat(Organisation in) {
        Session now = session.get();
        if (now == null || in == null) {
            return Optional.empty();
        }
        Role role = now.actingRole();
        if (!DeskUser.seats(role)) {
            return Optional.empty();
        }
        Optional<Unit> unit = in.unit(now.unitId());
        try {
            return unit.map(u -> new DeskUser(role, u, now.accountId(), now.displayName()));
        } catch (IllegalArgumentException e) {
            log.warn("{} cannot be seated as {} of {}: {}", now.username(), role, now.unitId(), e.getMessage());
            return Optional.empty();
        }
    }

    private void describe() {
        Session now = session.get();
        if (now == null) {
            who.set(texts.get("session.signedOut"));
            return;
        }
        String unit = organisation == null ? now.unitId()
                : organisation.unit(now.unitId()).map(Unit::name).orElse(now.unitId());
        who.set(texts.get("session.who", now.displayName(), texts.role(now.actingRole()), unit));
    }

    // Properties (accessors)

    /// The person signed in (null when nobody is).
    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session current() {
        return session.get();
    }

    public ReadOnlyObjectProperty<DeskFace> faceProperty() {
        return face.getReadOnlyProperty();
    }

    /// True in a demo store (it has demo accounts).
    public ReadOnlyBooleanProperty demoStoreProperty() {
        return demoStore.getReadOnlyProperty();
    }

    /// Who is signed in, for the status bar: 张敏 · 调度员 · 咸水沽镇网格化管理中心.
    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }

    /// Why the last session ended, when not by the person's own choice (empty otherwise).
    public ReadOnlyStringProperty farewellProperty() {
        return farewell.getReadOnlyProperty();
    }

    /// The store's accounts (null until it is open).
    public Accounts accounts() {
        return accounts;
    }
}
