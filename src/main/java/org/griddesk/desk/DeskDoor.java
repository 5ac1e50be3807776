package org.griddesk.desk;

import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.desk.admin.AdminScreen;
import org.griddesk.desk.admin.AdministrationViewModel;
import org.griddesk.desk.admin.AlarmKindsScreen;
import org.griddesk.desk.admin.AlarmKindsViewModel;
import org.griddesk.desk.admin.AuditAdminScreen;
import org.griddesk.desk.admin.DistrictTabs;
import org.griddesk.desk.session.DeskFace;
import org.griddesk.desk.session.SessionMenu;
import org.griddesk.desk.session.SessionViewModel;
import org.griddesk.desk.signin.IdleLock;
import org.griddesk.desk.signin.LockScreen;
import org.griddesk.desk.signin.LockViewModel;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.desk.signin.SignInDialog;
import org.griddesk.desk.signin.SignInViewModel;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.griddesk.security.Accounts;
import org.griddesk.security.AlarmKindAdministration;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.ui.Language;
import org.griddesk.ui.TaskExecutor;

/// Who may come in, and what they then see: the sign-in dialog before anything shows, the person's
/// face of the desk afterwards (the ticket desk, the wall, an administrator's screen), the lock
/// screen in place of the work area after the idle time or Ctrl+L, and an empty desk again at
/// sign-out or change of person, whose views are read anew for the next. The window hands it its
/// work area ([#cover]) and its menu; the services decide what anyone may do.
public final class DeskDoor {
    /// Opens the audit log viewer for the audit administrator (`desk.audit.AuditViewer`, wired by the app).
    public interface AuditViewerOpener {
        /// Opens the viewer for `session`; returns its window, which the door closes when the desk
        /// locks or the person leaves.
        Window open(Window owner, Session session);
    }

    /// What the store's account service gives the desk once the store is open.
    ///
    /// @param stillActive whether the store still holds a session (false after a lockout)
    /// @param lockRecorder records that the desk locked (the audit's DESK_LOCKED)
    /// @param from        this machine, as the audit records it
    /// @param district    the system administrator's tabs for the district's base data (null: none)
    public record AccountsAccess(Accounts accounts, AccountAdministration administration, AlarmKindAdministration alarmKinds,
                                 DistrictTabs district, PasswordPolicySettings policy,
                                 Workstation from, Predicate<Session> stillActive, Consumer<Session> lockRecorder) {
    }

    private final Stage stage;
    private final DeskModel model;
    private final TaskExecutor executor;
    private final Clock clock;
    private final SessionViewModel sessions;
    private final SignInViewModel signIn;
    private final IdleLock idle;
    private final LockViewModel lockModel;
    private final StackPane cover = new StackPane();
    private SecurityTexts texts;
    private SignInDialog dialog;
    private LockScreen lockScreen;
    private Node workArea;
    private Node faceScreen;
    private AccountAdministration administration;
    private AlarmKindAdministration alarmKinds;
    private DistrictTabs districtTabs;
    private AuditViewerOpener auditViewer;
    private final SupervisionMenu supervision;
    /// the audit viewer's window while it is open (it belongs to the session that opened it)
    private Window auditWindow;
    private AdministrationViewModel administrationModel;
    private Runnable forgetViews = () -> { };
    /// what else closes when the desk locks (the 席位录入 form)
    private final java.util.List<Runnable> onLock = new java.util.ArrayList<>();
    private final java.util.List<Runnable> onUnlock = new java.util.ArrayList<>();
    private Runnable openWall = () -> { };

    public DeskDoor(Stage stage, DeskModel model, TaskExecutor executor, Clock clock, Language language) {
        this.stage = stage;
        this.model = model;
        this.executor = executor;
        this.clock = clock;
        this.texts = SecurityTexts.of(language);
        this.sessions = new SessionViewModel(executor, texts);
        this.signIn = new SignInViewModel(executor, texts, new Workstation(null, null));
        this.idle = new IdleLock(clock, IdleLock.idleTime(PasswordPolicySettings.DEFAULT.idleLockMinutes()), sessions::deskLocked);
        this.lockModel = new LockViewModel(executor, texts, idle, sessions);
        this.supervision = new SupervisionMenu(() -> stage, idle::input);
        cover.setId("deskCover");
        signIn.signedInProperty().addListener((obs, old, session) -> {
            if (session != null) {
                sessions.signedIn(session);
                signIn.reset();
            }
        });
        sessions.sessionProperty().addListener((obs, old, now) -> personChanged(old, now));
        idle.lockedProperty().addListener((obs, was, locked) -> {
            if (locked) {
                closeAuditViewer();
                supervision.closeAll();
                onLock.forEach(Runnable::run);
            } else {
                onUnlock.forEach(Runnable::run);
            }
            showFace();
        });
        // a demo store's accounts (演示库) come with its district: the list is read when the district is
        signIn.demoAccounts().addListener((ListChangeListener<Accounts.DemoAccount>) c ->
                sessions.setDemoStore(!signIn.demoAccounts().isEmpty()));
        model.storeFailureProperty().addListener((obs, old, why) -> {
            if (why != null) {
                signIn.storeUnavailable(why);
            }
        });
        model.toolsProperty().addListener((obs, old, tools) -> {
            if (tools != null && sessions.current() == null) {
                signIn.refreshDemoAccounts();
            }
            if (tools != null) {
                sessions.useOrganisation(tools.organisation());
                seat();
            }
        });
    }

    /// The store is open: sign-in can start, with its policy and, in a demo store, its accounts.
    public void useAccounts(AccountsAccess access) {
        this.administration = access.administration();
        this.alarmKinds = access.alarmKinds();
        this.districtTabs = access.district();
        sessions.useAccounts(access.accounts());
        signIn.useWorkstation(access.from());
        sessions.recordLocksWith(access.lockRecorder());
        lockModel.checkSessionsWith(access.stillActive());
        signIn.usePolicy(access.policy());
        idle.useIdleTime(IdleLock.idleTime(access.policy().idleLockMinutes()));
        signIn.useAccounts(access.accounts());
    }

    /// A supervision screen for the 督查考核 menu (wired by the app; shown to whom it allows).
    public void addSupervisionScreen(SupervisionScreen screen) {
        supervision.add(screen);
    }

    /// Opens a supervision screen as its menu item would (for the signed-in person, if allowed; closed
    /// with the others on lock): for links to a screen elsewhere on the desk (the supervisor's board).
    public void openSupervisionScreen(SupervisionScreen screen) {
        supervision.openScreen(screen);
    }

    /// the window's 督查考核 menu, and the language its items speak
    void fillSupervisionMenu(Menu menu, Language language) {
        supervision.useLanguage(language);
        supervision.fill(menu);
    }

    /// How the audit administrator opens the audit log (null: not wired).
    public void useAuditViewer(AuditViewerOpener opener) {
        this.auditViewer = opener;
    }

    /// `closing` runs when the desk locks (a window of the person's work closes with it).
    void onLock(Runnable closing) {
        onLock.add(closing);
    }

    /// `opening` runs when the desk is unlocked (by whoever signed in: ask [#sessions] who).
    void onUnlock(Runnable opening) {
        onUnlock.add(opening);
    }

    /// What the window clears when the person leaves (map selection, detail pane, boards, the
    /// wall), and how it opens the wall.
    void bindWindow(Runnable forget, Runnable wall) {
        this.forgetViews = forget;
        this.openWall = wall;
    }

    /// The work area as the window shows it: in a frame that holds, instead, the lock screen, an
    /// administrator's screen or nothing (a new frame each time the window is built).
    Node cover(Node work) {
        this.workArea = work;
        lockScreen = new LockScreen(lockModel, texts, sessions.whoProperty());
        buildFaceScreen();
        showFace();
        return cover;
    }

    /// Another language: every text anew (the dialog too, if it is showing).
    void useLanguage(Language language) {
        texts = SecurityTexts.of(language);
        sessions.useTexts(texts);
        signIn.useTexts(texts);
        lockModel.useTexts(texts);
        boolean showing = dialog != null && dialog.isShowing();
        if (dialog != null) {
            dialog.close();
        }
        dialog = null;
        if (showing) {
            signInDialog().show();
        }
    }

    void fillMenu(Menu menu) {
        SessionMenu.fill(menu, texts, sessions, new SessionMenu.Actions() {
            @Override
            public void changePassword() {
                Session now = sessions.current();
                if (now != null && !idle.isLocked()) {
                    signIn.startChange(now.username());
                    signInDialog().show();
                }
            }

            @Override
            public void lock() {
                idle.lockNow();
            }

            @Override
            public void signOut() {
                sessions.signOut();
            }

            @Override
            public void switchUser() {
                sessions.signOut();
            }

            @Override
            public void openAuditLog() {
                openAudit();
            }
        });
    }

    /// Shows the sign-in dialog (at start, and whenever nobody is signed in).
    public void showSignIn() {
        if (sessions.current() == null) {
            signIn.reset();
            signIn.tell(sessions.farewellProperty().get());
            signInDialog().show();
        }
    }

    private SignInDialog signInDialog() {
        if (dialog == null) {
            dialog = new SignInDialog(stage, signIn, texts, () -> {
                if (signIn.changeFromDesk()) {
                    signIn.reset();
                    dialog.close();
                } else {
                    stage.close();
                }
            });
        }
        return dialog;
    }

    private void personChanged(Session old, Session now) {
        // the same person in the same roles (after an unlock, or a password change): their views stay
        boolean samePerson = old != null && now != null && old.accountId().equals(now.accountId())
                && old.roles().equals(now.roles());
        if (!samePerson) {
            closeAuditViewer();
            supervision.closeAll();
            forgetViews.run();
            model.forgetPerson();
        }
        idle.arm(now != null);
        supervision.person(now);
        if (now == null) {
            faceScreen = null;
            showFace();
            showSignIn();
            return;
        }
        if (dialog != null) {
            dialog.close();
        }
        seat();
        DeskFace face = sessions.faceProperty().get();
        if (!samePerson && (face.showsTickets() || face == DeskFace.WALL)) {
            model.loadDistrict(); // the wall counts from the queue's rows too
        }
        buildFaceScreen();
        showFace();
        if (face == DeskFace.WALL) {
            openWall.run();
        }
    }

    /// The person in their seat at the ticket desk, once the organisation is read.
    private void seat() {
        DeskModel.Tools tools = model.toolsProperty().get();
        DeskUser seated = tools == null ? null : sessions.seat(tools.organisation()).orElse(null);
        if (tools != null) {
            // the session is the newest even when the seat is the same (a new sign-in of the same person)
            model.sessionProperty().set(seated == null ? null : sessions.current());
            if (!Objects.equals(seated, model.userProperty().get())) {
                model.userProperty().set(seated);
            }
        }
        if (tools != null && administrationModel != null) {
            administrationModel.useUnits(tools.organisation().units().stream().sorted(Comparator.comparing(Unit::id)).toList());
        }
    }

    /// The screen of a face that is not the ticket desk: an administrator's, or a few words.
    private void buildFaceScreen() {
        DeskFace face = sessions.faceProperty().get();
        administrationModel = null;
        if (face == DeskFace.AUDIT_ADMIN) {
            faceScreen = new AuditAdminScreen(texts, auditViewer == null ? null : this::openAudit).node();
        } else if (face.administration() && administration != null) {
            administrationModel = new AdministrationViewModel(executor, texts, administration, sessions::current);
            AdminScreen screen = new AdminScreen(administrationModel, texts, face.administrator());
            if (alarmKinds != null && face.administrator() == Role.SYSTEM_ADMIN) {
                AlarmKindsScreen kinds = new AlarmKindsScreen(new AlarmKindsViewModel(executor, texts, alarmKinds, sessions::current), texts);
                screen.addTab(texts.get("admin.tab.alarmKinds"), kinds.node());
                kinds.refresh();
            }
            if (districtTabs != null && face.administrator() == Role.SYSTEM_ADMIN) {
                districtTabs.addTo(screen, executor, texts, sessions::current, WorkCalendar.localDate(clock.instant()));
            }
            faceScreen = screen.node();
            seat();
            screen.refresh();
        } else if (face == DeskFace.SIGNED_OUT) {
            faceScreen = words("session.signedOut.title", "session.signedOut.text");
        } else {
            faceScreen = words(null, face == DeskFace.WALL ? "session.wall.text" : "session.noDesk.text");
        }
    }

    private Node words(String titleKey, String textKey) {
        Label title = new Label(titleKey == null ? sessions.whoProperty().get() : texts.get(titleKey));
        title.getStyleClass().add("placeholder-title");
        Label text = new Label(texts.get(textKey));
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        VBox box = new VBox(8, title, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("placeholder", "signed-out");
        box.setId("signedOutPane");
        return box;
    }

    /// One thing in the frame: the lock screen, the work area, or the face's own screen; what is
    /// not shown is not in the scene at all (nothing of it can be read behind).
    private void showFace() {
        if (workArea == null) {
            return;
        }
        DeskFace face = sessions.faceProperty().get();
        Node shown;
        if (idle.isLocked()) {
            shown = lockScreen.node();
            lockScreen.shown();
        } else if (face.showsTickets()) {
            shown = workArea;
        } else {
            if (faceScreen == null) {
                buildFaceScreen();
            }
            shown = faceScreen;
        }
        if (cover.getChildren().size() != 1 || cover.getChildren().getFirst() != shown) {
            cover.getChildren().setAll(shown);
        }
    }

    private void openAudit() {
        Session now = sessions.current();
        if (auditViewer != null && now != null && !idle.isLocked()) {
            closeAuditViewer();
            auditWindow = auditViewer.open(stage, now);
            if (auditWindow != null && auditWindow.getScene() != null) {
                // work in the viewer is work at the desk: it keeps the idle lock away
                auditWindow.getScene().addEventFilter(InputEvent.ANY, e -> idle.input());
            }
        }
    }

    private void closeAuditViewer() {
        if (auditWindow != null) {
            auditWindow.hide();
            auditWindow = null;
        }
    }

    /// The desk closes: the dialog goes with it (a modal dialog left showing would hold every other
    /// window); returns what ends the session in the store, to run before the store closes.
    Runnable close() {
        if (dialog != null) {
            dialog.close();
        }
        closeAuditViewer();
        supervision.closeAll();
        idle.arm(false);
        return sessions.endOnClose();
    }

    // ---- the window asks

    /// Whether ticket work may go on now: someone who works tickets is signed in, and the desk is not locked.
    boolean working() {
        return sessions.current() != null && !idle.isLocked() && sessions.faceProperty().get().showsTickets();
    }

    /// Whether the wall may open (the ticket desk's people and the wall display).
    boolean mayOpenWall() {
        return !idle.isLocked() && (working() || sessions.faceProperty().get() == DeskFace.WALL);
    }

    /// Mouse or keyboard input at the desk (puts the idle lock off).
    void input() {
        idle.input();
    }

    /// Once a second: locks when idle long enough.
    void tick() {
        idle.tick();
    }

    void lock() {
        idle.lockNow();
    }

    public SessionViewModel sessions() {
        return sessions;
    }

    /// The sign-in dialog's model (tests sign in through it, as the dialog does).
    public SignInViewModel signIn() {
        return signIn;
    }

    public IdleLock idleLock() {
        return idle;
    }

    public LockViewModel lockModel() {
        return lockModel;
    }
}
