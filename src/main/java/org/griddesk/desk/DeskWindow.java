package org.griddesk.desk;

import org.griddesk.desk.board.TeamBoard;
import org.griddesk.desk.command.CommandBar;
import org.griddesk.desk.command.Dispatching;
import org.griddesk.desk.command.NoticeBar;
import org.griddesk.desk.detail.MiniMap;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailView;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueView;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.desk.wall.WallWindow;
import org.griddesk.supervise.SupervisorBoard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.ui.ChineseFonts;
import org.griddesk.ui.Messages;
import org.griddesk.ui.Theme;

/// The dispatcher's main window: menu, intake queue (left), map (centre), ticket detail (right)
/// and status bar. Rebuilt in place when the user switches language.
public final class DeskWindow {
    static final String FXML = "/fxml/desk/main-window.fxml";
    public static final String STYLESHEET = "/css/griddesk.css";

    private final Stage stage;
    private final MainWindowViewModel window;
    private final StatusBarViewModel status;
    private final Clock clock;
    private final String version;
    private final javafx.animation.Timeline ticker;
    private final MapView map;
    private final QueueViewModel queueModel;
    private final QueueView queue;
    private java.util.function.LongConsumer ticketPicked = id -> { };
    private MainWindowView view;
    private Messages messages;
    private final NoticeBar notices = new NoticeBar();
    private final Dispatching dispatching;
    private final TeamBoard teamBoard;
    private final javafx.beans.property.StringProperty identity = new javafx.beans.property.SimpleStringProperty(this, "identity", "");
    private final String myCentre;
    private org.griddesk.domain.org.Organisation organisation;
    private DeskBackend backend;
    private javafx.scene.control.Menu identityMenu;
    private CommandBar commandBar;
    private SupervisorBoard supervisorBoard;
    private WallWindow wall;
    private org.griddesk.store.ticket.QueueRepository.Figures figures;
    private String preferredIdentity;
    private final String fontFamily;
    private javafx.scene.Node lastMiniMap;
    private MapModel lastMiniMapModel;
    private String lastMiniMapGrid;

    public DeskWindow(Stage stage, MainWindowViewModel window, StatusBarViewModel status, Clock clock, String version,
                      String myCentre) {
        this.stage = stage;
        this.window = window;
        this.status = status;
        this.clock = clock;
        this.version = version;
        this.messages = Messages.of(window.getLanguage());
        this.myCentre = myCentre;
        this.queueModel = new QueueViewModel(myCentre);
        this.dispatching = new Dispatching(messages, notices, () -> stage);
        this.teamBoard = new TeamBoard(messages);
        this.supervisorBoard = new SupervisorBoard(messages, queueModel, dispatching, this::pick);
        this.ticker = new javafx.animation.Timeline(new KeyFrame(Duration.seconds(1), e -> {
            status.tick(clock.instant());
            queueModel.tick(clock.instant());
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        this.fontFamily = ChineseFonts.choose(new HashSet<>(Font.getFamilies())).orElse(Font.getDefault().getFamily());
        this.map = new MapView(messages, fontFamily);
        map.setId("deskMap"); // the detail pane's mini map is a map view too
        map.useDarkColours(window.getTheme() == Theme.DARK);
        window.themeProperty().addListener((obs, old, theme) -> map.useDarkColours(theme == Theme.DARK));
        this.queue = new QueueView(queueModel, messages);
        // a ticket picked in the queue shows on the map: its grid selected, its marker too
        queue.onSelect(item -> {
            if (item != null) {
                ticketPicked.accept(item.id());
            }
            if (item != null && map.modelProperty().get() != null) {
                map.selectedTicketProperty().set(item.id());
                if (item.gridCode() != null) {
                    map.modelProperty().get().region(item.gridCode()).ifPresent(map.selectedGridProperty()::set);
                }
            }
        });
        map.selectedTicketProperty().addListener((obs, old, id) -> {
            queue.select(id.longValue());
            if (id.longValue() > 0) {
                ticketPicked.accept(id.longValue());
            }
        });
        wireDispatching();
    }

    /// Drags, drops, the context menu and the team board: every path ends in [Dispatching].
    private void wireDispatching() {
        queue.onContextMenu((item, anchor, x, y) -> dispatching.contextMenu(item.id(), anchor, x, y));
        queue.onDrag(item -> teamBoard.showVerdicts(team -> dispatching.dropOnTeam(item.id(), team),
                dept -> dispatching.dropOnWhistle(item.id(), dept)), teamBoard::clearVerdicts);
        teamBoard.onDrop((ticket, team) -> dispatching.dropOnTeam(ticket, team, why -> { }),
                (ticket, dept) -> dispatching.dropOnWhistle(ticket, dept == null ? java.util.List.of() : java.util.List.of(dept)));
        map.dropHintProperty().set((ticketId, grid) -> gridDropHint(ticketId, grid));
        map.onTicketDroppedProperty().set((ticketId, grid) -> {
            TicketDetail d = dispatching.currentProperty().get();
            if (d != null && d.ticket().id() == ticketId) {
                dispatching.teamForGrid(d, areaOf(grid)).ifPresentOrElse(team -> dispatching.dropOnTeam(ticketId, team, why -> { }),
                        () -> dispatching.say(messages.get("drop.gridNotOurs", grid.name()), true));
            }
        });
        dispatching.currentProperty().addListener((obs, old, d) -> {
            if (d != null && view != null && d.ticket().id() == map.selectedTicketProperty().get()) {
                view.showTicket(d);
            }
        });
        identity.set(IdentityMenu.describe(messages, dispatching.userProperty().get())); // "reading the organisation…" until it is
        dispatching.userProperty().addListener((obs, old, user) -> {
            identity.set(IdentityMenu.describe(messages, user));
            queueModel.useScope(QueueViewModel.Scope.of(user.unit().id(), user.unit().isCentre(),
                    user.unit().level() == org.griddesk.domain.org.UnitLevel.DISTRICT));
            refreshTeamBoard();
            supervisorBoard.useUser(user);
            if (backend != null) {
                backend.views(user.actor().id(), queue::showViews);
            }
            fillIdentityMenu();
            TicketDetail d = dispatching.currentProperty().get();
            if (d != null && view != null) {
                view.showTicket(d); // its actions are the new user's
            }
        });
        queueModel.all().addListener((javafx.collections.ListChangeListener<QueueItem>) c -> {
            refreshTeamBoard();
            supervisorBoard.refresh();
        });
    }

    private MapView.DropHint gridDropHint(long ticketId, org.griddesk.geo.Region grid) {
        TicketDetail d = dispatching.currentProperty().get();
        if (d == null || d.ticket().id() != ticketId || !dispatching.ready()) {
            return null;
        }
        var team = dispatching.teamForGrid(d, areaOf(grid));
        if (team.isEmpty()) {
            return new MapView.DropHint(false, messages.get("drop.gridNotOurs", grid.name()));
        }
        String why = dispatching.dropOnTeam(ticketId, team.get());
        return why == null ? new MapView.DropHint(true, messages.get("drop.toTeam", dispatching.teamName(team.get())))
                : new MapView.DropHint(false, why);
    }

    /// The area (town) a grid lies in: the grid's community's parent.
    private String areaOf(org.griddesk.geo.Region grid) {
        MapModel model = map.modelProperty().get();
        return model == null ? "" : model.region(grid.parentCode()).map(org.griddesk.geo.Region::parentCode).orElse("");
    }

    private void refreshTeamBoard() {
        var user = dispatching.userProperty().get();
        if (user == null || organisation == null || dispatching.actions() == null) {
            return;
        }
        var responsibility = dispatching.actions().responsibility();
        String centre = user.centreId();
        boolean town = organisation.unit(centre).map(u -> u.level() == org.griddesk.domain.org.UnitLevel.STREET).orElse(false);
        java.util.Map<String, TeamBoard.Load> loads = new java.util.HashMap<>();
        for (QueueItem i : queueModel.all()) {
            String team = i.work().assignedTeamId();
            if (team != null) {
                TeamBoard.Load l = loads.getOrDefault(team, TeamBoard.Load.NONE);
                loads.put(team, new TeamBoard.Load(l.open() + 1, l.overdue() + (i.risk() == QueueItem.Risk.OVERDUE ? 1 : 0)));
            }
        }
        String district = organisation.unit(centre).map(u -> u.level() == org.griddesk.domain.org.UnitLevel.DISTRICT ? u.id() : u.parentId())
                .orElse(centre);
        teamBoard.show(user.unit().isCentre() ? responsibility.teamsOf(centre) : java.util.List.of(),
                town && user.unit().isCentre() ? responsibility.teamsOf(district) : java.util.List.of(), loads);
    }

    private void fillIdentityMenu() {
        if (identityMenu != null) {
            IdentityMenu.fill(identityMenu, messages, organisation, dispatching.userProperty().get(), dispatching.userProperty()::set);
        }
    }

    /// The detail pane's mini map: the one already made when the grid and the map's facts are the
    /// same (the pane is rebuilt after every change of its ticket; the map need not be).
    private java.util.Optional<javafx.scene.Node> miniMap(TicketDetail d) {
        MapModel model = map.modelProperty().get();
        String grid = d.ticket().intake().gridCode();
        if (lastMiniMap != null && model == lastMiniMapModel && java.util.Objects.equals(grid, lastMiniMapGrid)) {
            if (lastMiniMap.getParent() instanceof javafx.scene.layout.Pane parent) {
                parent.getChildren().remove(lastMiniMap);
            }
            if (lastMiniMap instanceof MapView mini) {
                mini.selectedTicketProperty().set(d.ticket().id()); // another ticket of the same grid
            }
            return java.util.Optional.of(lastMiniMap);
        }
        var made = MiniMap.of(model, grid, d.ticket().id(), messages, fontFamily, window.getTheme() == Theme.DARK);
        lastMiniMap = made.orElse(null);
        lastMiniMapModel = model;
        lastMiniMapGrid = grid;
        return made;
    }

    /// Picks a ticket as if clicked in the queue: selected on the map, its detail read.
    void pick(long ticketId) {
        queue.select(ticketId);
        map.selectedTicketProperty().set(ticketId);
        ticketPicked.accept(ticketId);
    }

    /// The store behind the window: details are read and actions run through it.
    public void useBackend(DeskBackend newBackend) {
        this.backend = newBackend;
        dispatching.useBackend(newBackend);
        this.ticketPicked = id -> newBackend.loadTicket(id, this::showTicket);
        this.commandBar = new CommandBar(messages, dispatching, newBackend, queueModel, this::pick);
        queue.onSaveView(name -> {
            var user = dispatching.userProperty().get();
            if (user != null) {
                newBackend.saveView(user.actor().id(), new org.griddesk.store.view.SavedViewRepository.SavedView(name, queueModel.viewSpec()),
                        queue::showViews);
            }
        });
    }

    /// The lifecycle actions and the organisation, once the district is read: the desk starts as the
    /// district centre's dispatcher (or whoever was chosen before).
    public void useTools(org.griddesk.dispatch.TicketActions actions, org.griddesk.domain.org.Organisation newOrganisation) {
        this.organisation = newOrganisation;
        dispatching.useTools(actions, newOrganisation);
        var user = dispatching.userProperty().get();
        if (user == null) {
            var chosen = identityFrom(preferredIdentity, newOrganisation);
            chosen.or(() -> newOrganisation.unit(myCentre).map(centre ->
                            new org.griddesk.dispatch.DeskUser(org.griddesk.domain.org.Role.DISPATCHER, centre)))
                    .ifPresent(dispatching.userProperty()::set);
        } else {
            refreshTeamBoard();
            fillIdentityMenu();
        }
    }

    /// Who sat at this desk last time (`DISPATCHER@XSG`), taken when the district is read.
    public void preferIdentity(String spec) {
        this.preferredIdentity = spec;
        if (organisation != null && dispatching.userProperty().get() != null) {
            identityFrom(spec, organisation).ifPresent(dispatching.userProperty()::set);
        }
    }

    /// `ROLE@UNIT`, as the configuration file keeps it.
    public static String identitySpec(org.griddesk.dispatch.DeskUser user) {
        return user.role().name() + "@" + user.unit().id();
    }

    static java.util.Optional<org.griddesk.dispatch.DeskUser> identityFrom(String spec, org.griddesk.domain.org.Organisation organisation) {
        if (spec == null || !spec.contains("@")) {
            return java.util.Optional.empty();
        }
        try {
            var role = org.griddesk.domain.org.Role.valueOf(spec.substring(0, spec.indexOf('@')).strip());
            return organisation.unit(spec.substring(spec.indexOf('@') + 1).strip())
                    .map(unit -> new org.griddesk.dispatch.DeskUser(role, unit));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // an identity this district does not have: the default
        }
    }

    /// Who sits at the desk (null until the district is read).
    public javafx.beans.property.ObjectProperty<org.griddesk.dispatch.DeskUser> userProperty() {
        return dispatching.userProperty();
    }

    /// Response times (input to outcome on screen) of the actions run so far, in nanoseconds.
    public java.util.List<Long> actionResponseNanos() {
        return dispatching.responseNanos();
    }

    /// `handler` hears the id of each ticket picked in the queue or on the map (to read its detail).
    public void onTicketPicked(java.util.function.LongConsumer handler) {
        this.ticketPicked = handler;
    }

    /// Tickets changed somewhere (this desk, another desk, a gateway): the detail pane reads the one it
    /// shows again when it is among them, so the dispatcher sees the new state, not the old.
    public void ticketsChanged(java.util.Set<Long> ticketIds) {
        TicketDetail shown = dispatching.currentProperty().get();
        if (shown != null && ticketIds.contains(shown.ticket().id()) && ticketPicked != null) {
            ticketPicked.accept(shown.ticket().id());
        }
    }

    /// Shows a ticket's detail in the detail pane (unless another ticket was picked since).
    public void showTicket(TicketDetail detail) {
        if (detail.ticket().id() == map.selectedTicketProperty().get()) {
            dispatching.currentProperty().set(detail);
        }
    }

    /// Shows the open tickets in the queue (a fresh load, at the window's clock).
    public void showQueue(java.util.List<QueueItem> items) {
        queueModel.show(items, clock.instant());
    }

    /// The queue, for tests.
    public QueueViewModel queue() {
        return queueModel;
    }

    /// Shows the district on the map (or new facts on it); the view keeps where the user looks.
    public void showMap(MapModel model) {
        map.modelProperty().set(model);
    }

    /// The map, for tests and for the desk's drop targets.
    public MapView map() {
        return map;
    }

    /// Builds the scene, sizes it to the screen and shows it.
    public void show() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(load(), Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        scene.getStylesheets().add(DeskWindow.class.getResource(STYLESHEET).toExternalForm());
        ChineseFonts.choose(new HashSet<>(Font.getFamilies()))
                .ifPresent(family -> scene.getStylesheets().add(fontStylesheet(family)));
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::shortcut);
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        status.tick(clock.instant());
        ticker.play();
        stage.setMaximized(true);
        stage.show();
    }

    /// Reloads every text in the new language, keeping the state of the view models.
    public void relocalize() {
        messages = Messages.of(window.getLanguage());
        dispatching.useMessages(messages);
        teamBoard.useMessages(messages);
        refreshTeamBoard();
        supervisorBoard.useMessages(messages);
        identity.set(IdentityMenu.describe(messages, dispatching.userProperty().get()));
        if (commandBar != null) {
            commandBar.useMessages(messages);
        }
        status.useMessages(messages);
        map.useMessages(messages);
        queue.useMessages(messages);
        stage.getScene().setRoot(load());
        stage.setTitle(messages.get("app.title"));
    }

    public void close() {
        ticker.stop();
        if (wall != null) {
            wall.close();
        }
    }

    /// The keyboard: Ctrl+Enter runs the shown ticket's first action, Ctrl+1…9 the others, Ctrl+Z
    /// takes back the last dispatch, Ctrl+K or / opens the command bar.
    private void shortcut(javafx.scene.input.KeyEvent e) {
        boolean typing = e.getTarget() instanceof javafx.scene.control.TextInputControl;
        boolean handled = false;
        if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            handled = dispatching.startNth(0);
        } else if (e.isShortcutDown() && e.getCode().isDigitKey() && !e.getText().isEmpty()) {
            int n = e.getText().charAt(0) - '0';
            handled = n >= 1 && dispatching.startNth(n);
        } else if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.Z && !typing) {
            handled = dispatching.undo();
        } else if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.K
                || !typing && e.getCode() == javafx.scene.input.KeyCode.SLASH) {
            openCommandBar();
            handled = true;
        }
        if (handled) {
            e.consume();
        }
    }

    /// Opens the command bar over the window.
    public void openCommandBar() {
        if (commandBar != null) {
            commandBar.show(stage);
        }
    }

    /// Opens (or brings back) the wall window on the second screen, if there is one.
    public void openWall() {
        if (wall == null) {
            wall = new WallWindow(messages, map.modelProperty(), queueModel, window.themeProperty());
            if (figures != null) {
                wall.useFigures(figures);
            }
        }
        wall.show();
    }

    /// New figures for the wall (kept for when it opens).
    public void showFigures(org.griddesk.store.ticket.QueueRepository.Figures newFigures) {
        this.figures = newFigures;
        if (wall != null) {
            wall.useFigures(newFigures);
        }
    }

    /// The wall window, for tests (null until opened).
    public WallWindow wall() {
        return wall;
    }

    private Parent load() {
        FXMLLoader loader = new FXMLLoader(DeskWindow.class.getResource(FXML), messages.bundle());
        var parts = new MainWindowView.Parts(teamBoard, notices, d -> new TicketDetailView.Extras(dispatching.actionBar(d),
                label -> dispatching.revealControl(d, label), miniMap(d)), menu -> {
            identityMenu = menu;
            fillIdentityMenu();
        }, identity, this::openCommandBar, this::openWall, supervisorBoard);
        view = new MainWindowView(window, status, map, queue, queueModel, messages, stage::close, this::showAbout, parts);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
    }

    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(stage);
        about.setTitle(messages.get("about.title"));
        about.setHeaderText(messages.get("app.title") + " " + version);
        about.setContentText(messages.get("about.text"));
        about.show();
    }

    /// A one-rule stylesheet that makes the chosen CJK family the default for every control.
    public static String fontStylesheet(String family) {
        String css = ".root { -fx-font-family: \"" + family.replace("\"", "") + "\"; }";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
