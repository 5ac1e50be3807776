package org.griddesk.desk;

import javafx.scene.control.Button;
import org.griddesk.geo.Region;
import org.griddesk.security.Session;
import org.griddesk.store.care.CareService;
import org.griddesk.visit.WorkerDays;
import org.griddesk.desk.care.SpecialGroupsModel;
import org.griddesk.desk.care.SpecialGroupsCard;
import org.griddesk.desk.visit.WorkerDayCard;
import org.griddesk.desk.visit.WorkerDayModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.griddesk.desk.board.TeamBoard;
import org.griddesk.desk.board.TeamBoardModel;
import org.griddesk.desk.command.ActionBar;
import org.griddesk.desk.command.CommandBar;
import org.griddesk.desk.command.Dispatching;
import org.griddesk.desk.command.DropTargets;
import org.griddesk.desk.command.NoticeBar;
import org.griddesk.desk.detail.EvidenceStrip;
import org.griddesk.desk.detail.MiniMap;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailView;
import org.griddesk.desk.district.CameraCard;
import org.griddesk.desk.district.CameraCardModel;
import org.griddesk.desk.entry.DeskEntryScreen;
import org.griddesk.desk.place.MapPoints;
import org.griddesk.desk.help.UserGuide;
import org.griddesk.desk.search.HistorySearchWindow;
import org.griddesk.desk.queue.QueueLoader;
import org.griddesk.desk.queue.QueueView;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.desk.session.SessionMenu;
import org.griddesk.desk.wall.WallWindow;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.district.Camera;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.security.RevealRefused;
import org.griddesk.store.supervise.TimerLists;
import org.griddesk.store.view.SavedViewRepository;
import org.griddesk.ui.ChineseFonts;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.Theme;

/// The dispatcher's main window: menu, intake queue (left), map (centre), ticket detail (right)
/// and status bar, bound once to a [DeskModel]. Rebuilt in place when the user switches language.
/// Drags and drops end in [Dispatching]: a target answers the [DeskCommand] a drop there runs.
public final class DeskWindow {
    static final String FXML = "/fxml/desk/main-window.fxml";

    /// A pane another feature puts over the queue (the supervisor's board): made with the window's
    /// hands and a way to pick a ticket, told when the language changes.
    public interface QueuePane {
        Node node();

        void useMessages(Messages messages);
    }

    private final Stage stage;
    private final MainWindowViewModel window;
    private final DeskModel model;
    private final Clock clock;
    private final String version;
    private final Timeline ticker;
    private final MapView map;
    private final QueueViewModel queueModel;
    private final QueueView queue;
    private final NoticeBar notices = new NoticeBar();
    private final Dispatching dispatching;
    private final ActionBar actionBar;
    private final TeamBoard teamBoard;
    private final CommandBar commandBar;
    private final List<QueuePane> queuePanes = new ArrayList<>();
    private final String fontFamily;
    private MainWindowView view;
    private Messages messages;
    private final DeskDoor door;
    private WallWindow wall;
    private Node lastMiniMap;
    private MapModel lastMiniMapModel;
    private String lastMiniMapGrid;
    private DeskEntryScreen deskEntry;
    /// a ticket entered at the desk, to select in the queue once its row arrives (-1: none)
    private long selectWhenShown = -1;

    public DeskWindow(Stage stage, MainWindowViewModel window, DeskModel model, DeskDoor door, Clock clock, String version) {
        this.stage = stage;
        this.door = door;
        this.window = window;
        this.model = model;
        this.clock = clock;
        this.version = version;
        this.messages = Messages.of(window.getLanguage());
        this.queueModel = model.queue();
        this.dispatching = new Dispatching(messages, model.userProperty(), model.detail(), model, clock, notices, () -> stage);
        this.guide = new UserGuide(model.executor());
        dispatching.useSession(model.sessionProperty());
        dispatching.readFilesWith(model.executor());
        this.actionBar = new ActionBar(dispatching);
        this.teamBoard = new TeamBoard(messages);
        this.commandBar = new CommandBar(messages, dispatching, queueModel, this::pick);
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            model.status().tick(clock.instant());
            queueModel.tick(clock.instant());
            teamBoard.tick(clock.instant());
            door.tick();
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        this.fontFamily = ChineseFonts.choose(new HashSet<>(Font.getFamilies())).orElse(Font.getDefault().getFamily());
        this.map = new MapView(messages, fontFamily);
        map.setId("deskMap"); // the detail pane's mini map is a map view too
        map.useDarkColours(window.getTheme() == Theme.DARK);
        window.themeProperty().addListener((obs, old, theme) -> map.useDarkColours(theme == Theme.DARK));
        this.queue = new QueueView(queueModel, messages);
        bindModel();
        bindPicking();
        new DropTargets(dispatching, model.detail(), queue, teamBoard, map).bind();
        map.selectedCameraProperty().addListener((obs, old, camera) -> openCamera(camera));
        door.bindWindow(this::forgetPerson, this::openWall);
        door.onLock(() -> {
            if (deskEntry != null) {
                deskEntry.park(); // what was typed waits for its person behind the lock
            }
        });
        // after the unlocked desk is shown again (its face comes after this), the form comes over it
        door.onUnlock(() -> javafx.application.Platform.runLater(() -> {
            DeskUser user = model.userProperty().get();
            if (deskEntry != null) {
                deskEntry.resume(user == null ? null : user.actor());
            }
        }));
        door.onLock(this::closeHistorySearch);
        queueModel.shown().addListener((ListChangeListener<Object>) c -> {
            if (selectWhenShown > 0 && queueModel.shown().stream().anyMatch(i -> i.id() == selectWhenShown)) {
                queue.reveal(selectWhenShown);
                selectWhenShown = -1;
            }
        });
    }

    /// The 席位录入 form the 工单 menu and Ctrl+N open (before [#show]).
    public void useDeskEntry(DeskEntryScreen screen) {
        this.deskEntry = screen;
    }

    /// Opens the 席位录入 form for the person at the desk, when they may enter tickets here.
    public void openDeskEntry() {
        DeskUser user = model.userProperty().get();
        DeskModel.Tools tools = model.toolsProperty().get();
        MapModel districtMap = map.modelProperty().get();
        if (deskEntry == null || !door.working() || user == null || tools == null || !DeskEntryScreen.allowedFor(user.actor())) {
            return;
        }
        deskEntry.open(stage, user.actor(), tools.actions().items(), tools.actions().suggestions()::primary,
                () -> districtMap == null ? List.of() : districtMap.regions(), new MapPoints() {
                    @Override
                    public void pick(java.util.function.BiConsumer<Double, Double> picked) {
                        map.pickPoint(picked);
                    }

                    @Override
                    public void cancel() {
                        map.cancelPointPick();
                    }
                }, window.getLanguage(), this::entered, this::pick);
    }

    /// A ticket entered at the desk: shown in the detail pane at once and selected in the queue as
    /// soon as its row comes (the change feed brings it within a moment), so that the first action
    /// button (Ctrl+Enter) dispatches it.
    private void entered(long ticketId, String said) {
        notices.say(said, false);
        if (!door.working()) {
            return; // saved as the desk locked: nothing is picked behind the lock, or for the next person
        }
        selectWhenShown = ticketId;
        pick(ticketId);
        if (queueModel.shown().stream().anyMatch(i -> i.id() == ticketId)) {
            queue.reveal(ticketId);
            selectWhenShown = -1;
        }
        stage.requestFocus();
    }


    /// What the model reads and keeps current shows here: map, figures, tools, user, detail.
    private void bindModel() {
        model.mapProperty().addListener((obs, old, now) -> map.modelProperty().set(now));
        model.figuresProperty().addListener((obs, old, now) -> {
            if (wall != null && now != null) {
                wall.useFigures(now);
            }
        });
        model.toolsProperty().addListener((obs, old, tools) -> useTools(tools));
        if (model.toolsProperty().get() != null) { // a model that read its district before the window came
            useTools(model.toolsProperty().get());
        }
        map.modelProperty().set(model.mapProperty().get());
        model.personalDataHiddenProperty().addListener((obs, was, hidden) -> {
            if (hidden) {
                notices.say(Messages.of(messages.language(), RevealRefused.BUNDLE).get("personaldata.noKey"), true);
            }
        });
        model.userProperty().addListener((obs, old, user) -> {
            refreshTeamBoard();
            if (user != null) {
                model.savedViews().of(user.actor().id(), queue::showViews);
            }
            showDetail(model.detail().currentProperty().get()); // its actions are the new user's
        });
        model.detail().currentProperty().addListener((obs, old, d) -> showDetail(d));
        queueModel.all().addListener((ListChangeListener<Object>) c -> refreshTeamBoard());
        queue.onSaveView(name -> {
            DeskUser user = model.userProperty().get();
            if (user != null) {
                model.savedViews().save(user.actor().id(), new SavedViewRepository.SavedView(name, queueModel.viewSpec()), queue::showViews);
            }
        });
    }

    /// A ticket picked in the queue or on the map: selected in both, its detail read; a right
    /// click on a row: its actions.
    private void bindPicking() {
        queue.onContextMenu((item, anchor, x, y) -> actionBar.contextMenu(item.id(), anchor, x, y));
        queue.onSelect(item -> {
            if (item == null) {
                return;
            }
            model.detail().pick(item.id());
            if (map.modelProperty().get() != null) {
                map.selectedTicketProperty().set(item.id());
                if (item.gridCode() != null) {
                    map.modelProperty().get().region(item.gridCode()).ifPresent(map.selectedGridProperty()::set);
                }
            }
        });
        map.selectedTicketProperty().addListener((obs, old, id) -> {
            queue.select(id.longValue());
            if (id.longValue() > 0 && id.longValue() != model.detail().picked()) {
                model.detail().pick(id.longValue());
            }
        });
    }

    private void useTools(DeskModel.Tools tools) {
        dispatching.useTools(tools.actions(), tools.organisation());
        refreshTeamBoard();
    }

    private void refreshTeamBoard() {
        DeskUser user = model.userProperty().get();
        DeskModel.Tools tools = model.toolsProperty().get();
        if (user != null && tools != null) {
            var contents = TeamBoardModel.of(user, tools.organisation(), tools.actions().responsibility(), queueModel.all());
            teamBoard.show(contents.own(), contents.whistleTargets(), contents.loads());
        } else {
            teamBoard.show(List.of(), List.of(), Map.of());
        }
    }

    /// The person left: nothing of theirs stays on screen (the model empties its queue and detail).
    private void forgetPerson() {
        if (deskEntry != null) {
            deskEntry.discard();
        }
        selectWhenShown = -1;
        map.selectedTicketProperty().set(MapView.NO_TICKET);
        map.selectedGridProperty().set(null);
        if (view != null) {
            view.clearDetail();
        }
        teamBoard.show(List.of(), List.of(), Map.of());
        if (wall != null) {
            wall.close();
            wall = null;
        }
    }

    private void showDetail(TicketDetail d) {
        if (d != null && view != null) {
            view.showTicket(d);
        }
    }

    /// The detail pane's mini map: the one already made when the grid and the map's facts are the
    /// same (the pane is rebuilt after every change of its ticket; the map need not be).
    private Optional<Node> miniMap(TicketDetail d) {
        MapModel m = map.modelProperty().get();
        String grid = d.ticket().intake().gridCode();
        if (lastMiniMap != null && m == lastMiniMapModel && Objects.equals(grid, lastMiniMapGrid)) {
            if (lastMiniMap.getParent() instanceof Pane parent) {
                parent.getChildren().remove(lastMiniMap);
            }
            if (lastMiniMap instanceof MapView mini) {
                mini.selectedTicketProperty().set(d.ticket().id()); // another ticket of the same grid
            }
            return Optional.of(lastMiniMap);
        }
        Optional<Node> made = MiniMap.of(m, grid, d.ticket().id(), messages, fontFamily, window.getTheme() == Theme.DARK);
        lastMiniMap = made.orElse(null);
        lastMiniMapModel = m;
        lastMiniMapGrid = grid;
        return made;
    }

    private BiFunction<TicketDetail, LongConsumer, Optional<Node>> callerPanel = (d, pick) -> Optional.empty();
    private Supplier<Stage> historySearch = () -> null;
    private final UserGuide guide;
    private Stage historySearchStage;

    /// Picks a ticket as if clicked in the queue: selected there and on the map, its detail read.
    void pick(long ticketId) {
        queue.select(ticketId);
        model.detail().pick(ticketId);
        map.selectedTicketProperty().set(ticketId);
    }

    /// The caller panel the detail pane shows under the citizen (before [#show]): `make` gets the
    /// ticket and a way to pick another.
    public void useCallerPanel(BiFunction<TicketDetail, LongConsumer, Optional<Node>> make) {
        callerPanel = make;
    }

    /// What 工单 → 历史工单查询 (Ctrl+Shift+F) opens (before [#show]): the window it shows.
    public void useHistorySearch(Supplier<Stage> open) {
        historySearch = open;
    }

    /// Opens the history search for whoever works at the desk, or brings its open window to the front.
    /// It closes when the desk locks, like every window that shows tickets.
    public void openHistorySearch() {
        DeskUser user = model.userProperty().get();
        if (!door.working() || user == null || !HistorySearchWindow.allowedFor(user.actor())) {
            return;
        }
        if (historySearchStage != null && historySearchStage.isShowing()) {
            historySearchStage.toFront();
        } else {
            historySearchStage = historySearch.get();
        }
    }

    private void closeHistorySearch() {
        if (historySearchStage != null) {
            historySearchStage.close();
            historySearchStage = null;
        }
    }

    /// The team board's departments count their check-ins down from the whistles `timers` holds
    /// (the centre's, read when the store changes).
    public void followTimers(ObservableValue<TimerLists> timers) {
        timers.addListener((obs, old, lists) -> teamBoard.showCheckIns(TeamBoardModel.checkIns(lists.whistles(), clock.instant()),
                clock.instant()));
    }

    /// Adds a pane over the queue (before [#show]): `make` gets the desk's hands and a way to pick a ticket.
    public void addQueuePane(BiFunction<Dispatching, LongConsumer, QueuePane> make) {
        queuePanes.add(make.apply(dispatching, this::pick));
    }

    /// Who may come in, and what they see (sign-in, lock, faces).
    public DeskDoor door() {
        return door;
    }

    /// Who sits at the desk (null until the district is read).
    public ObjectProperty<DeskUser> userProperty() {
        return model.userProperty();
    }

    /// Response times (input to outcome on screen) of the actions run so far, in nanoseconds.
    public List<Long> actionResponseNanos() {
        return dispatching.responseNanos();
    }

    /// The queue, for tests.
    public QueueViewModel queue() {
        return queueModel;
    }

    /// The map, for tests and for the desk's drop targets.
    public MapView map() {
        return map;
    }

    /// Builds the scene, sizes it to the screen and shows it.
    public void show() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(load(), Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        SceneStyle.apply(scene);
        scene.getStylesheets().add(DeskWindow.class.getResource(SecurityTexts.STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        scene.addEventFilter(KeyEvent.ANY, e -> door.input());
        scene.addEventFilter(MouseEvent.ANY, e -> door.input());
        scene.addEventFilter(ScrollEvent.ANY, e -> door.input());
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        model.status().tick(clock.instant());
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
        queuePanes.forEach(p -> p.useMessages(messages));
        door.useLanguage(window.getLanguage());
        commandBar.useMessages(messages);
        model.status().useMessages(messages);
        map.useMessages(messages);
        queue.useMessages(messages);
        stage.getScene().setRoot(load());
        stage.setTitle(messages.get("app.title"));
    }

    /// Closes the window's parts; returns what ends the person's session in the store (run it before the store closes).
    public Runnable close() {
        ticker.stop();
        Runnable endSession = door.close();
        if (wall != null) {
            wall.close();
        }
        return endSession;
    }

    /// The keyboard: Ctrl+Enter runs the shown ticket's first action, Ctrl+1…9 the others, Ctrl+Z
    /// takes back the last command that can be, Ctrl+K or / opens the command bar.
    private void shortcut(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        boolean handled = false;
        if (SessionMenu.LOCK.match(e)) {
            door.lock();
            handled = true;
        } else if (!door.working()) {
            return; // nobody signed in, locked, or not a ticket desk
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
            handled = dispatching.startNth(0);
        } else if (e.isShortcutDown() && e.getCode().isDigitKey() && !e.getText().isEmpty()) {
            int n = e.getText().charAt(0) - '0';
            handled = n >= 1 && dispatching.startNth(n);
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Z && !typing) {
            handled = dispatching.undo();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.K || !typing && e.getCode() == KeyCode.SLASH) {
            openCommandBar();
            handled = true;
        }
        if (handled) {
            e.consume();
        }
    }

    /// Opens the command bar over the window.
    public void openCommandBar() {
        if (door.working()) {
            commandBar.show(stage);
        }
    }

    /// Opens (or brings back) the wall window on the second screen, if there is one.
    public void openWall() {
        if (!door.mayOpenWall()) {
            return;
        }
        if (wall == null) {
            wall = new WallWindow(messages, map.modelProperty(), queueModel, window.themeProperty());
            if (model.figuresProperty().get() != null) {
                wall.useFigures(model.figuresProperty().get());
            }
        }
        wall.show();
    }

    /// A camera's card, over the desk: its recent alarms and its live view.
    private void openCamera(Camera camera) {
        if (camera == null) {
            return;
        }
        map.selectedCameraProperty().set(null); // the same camera clicked again opens it again
        model.cameras().ifPresent(reader -> {
            Messages texts = Messages.of(messages.language(), EvidenceStrip.BUNDLE);
            MapModel m = map.modelProperty().get();
            String place = texts.get("camera.place", m == null ? "" : QueueLoader.place(m, camera.gridCode(), true), camera.gridCode());
            new CameraCard(new CameraCardModel(model.executor(), reader, camera), messages, texts, place,
                    model.evidence().orElseThrow(), code -> model.detail().find(code, found -> found
                            .ifPresent(d -> pick(d.ticket().id()))), stage).show();
        });
    }

    /// The grid card's buttons: the grid worker's day, and the special groups with their care, each
    /// for those who may see it.
    private Optional<Node> gridButtons(Region grid) {
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6);
        buttons.getStyleClass().add("grid-card-buttons");
        workerDayButton(grid).ifPresent(buttons.getChildren()::add);
        careButton(grid).ifPresent(buttons.getChildren()::add);
        return buttons.getChildren().isEmpty() ? Optional.empty() : Optional.of(buttons);
    }

    /// The grid card's way into its worker's day (tasks, visits, checks, reports, patrol).
    private Optional<Node> workerDayButton(Region grid) {
        Session session = model.sessionProperty().get();
        if (!WorkerDays.mayRead(session) || model.workerDays().isEmpty()) {
            return Optional.empty();
        }
        Messages texts = Messages.of(messages.language(), WorkerDayCard.BUNDLE);
        Button open = new Button(texts.get("workerday.open"));
        open.setId("gridWorkerDay");
        open.setOnAction(e -> new WorkerDayCard(new WorkerDayModel(model.executor(), model.workerDays().get(), session, grid, texts,
                clock), texts, messages, stage).show());
        return Optional.of(open);
    }

    /// The grid card's way into the grid's special groups and their care, for those who may see them.
    private Optional<Node> careButton(Region grid) {
        Session session = model.sessionProperty().get();
        if (!CareService.mayRead(session) || model.care().isEmpty()) {
            return Optional.empty();
        }
        Messages texts = Messages.of(messages.language(), RevealRefused.BUNDLE);
        Button open = new Button(texts.get("care.open"));
        open.setId("gridCare");
        open.setOnAction(e -> new SpecialGroupsCard(new SpecialGroupsModel(model.executor(), model.care().get(), session, grid,
                texts), texts, stage).show());
        return Optional.of(open);
    }

    /// The wall window, for tests (null until opened).
    public WallWindow wall() {
        return wall;
    }

    private Parent load() {
        FXMLLoader loader = new FXMLLoader(DeskWindow.class.getResource(FXML), messages.bundle());
        var parts = new MainWindowView.Parts(teamBoard, notices, d -> new TicketDetailView.Extras(actionBar.of(d),
                label -> actionBar.revealControl(d, label), miniMap(d), callerPanel.apply(d, this::pick),
                shown -> model.evidence().map(l -> new EvidenceStrip(messages.language(), l, shown))), door::fillMenu,
                menu -> door.fillSupervisionMenu(menu, messages.language()), door.sessions().whoProperty(),
                door.sessions().demoStoreProperty(), this::openCommandBar, this::openWall, this::openDeskEntry,
                model.userProperty().isNotNull(), Bindings.createBooleanBinding(() -> model.userProperty().get() != null
                        && DeskEntryScreen.allowedFor(model.userProperty().get().actor()), model.userProperty()),
                this::openHistorySearch, Bindings.createBooleanBinding(() -> model.userProperty().get() != null
                        && HistorySearchWindow.allowedFor(model.userProperty().get().actor()), model.userProperty()),
                () -> guide.open(window.getLanguage()),
                queuePanes.stream().map(QueuePane::node).toList(), this::gridButtons);
        view = new MainWindowView(window, model.status(), map, queue, queueModel, messages, stage::close, this::showAbout, parts);
        loader.setController(view);
        try {
            BorderPane root = loader.load();
            root.setCenter(door.cover(root.getCenter()));
            return root;
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
}
