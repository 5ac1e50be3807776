package org.griddesk.desk;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.griddesk.desk.detail.GridCard;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailView;
import org.griddesk.desk.queue.QueueView;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.geo.Region;
import org.griddesk.map.MapView;
import org.griddesk.store.ConnectionState;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.Theme;

/// The main window's FXML controller: binds the menu and status bar to their view models.
/// Layout lives in `fxml/desk/main-window.fxml`.
public final class MainWindowView {
    private static final Map<ConnectionState, PseudoClass> STATE_CLASSES = Map.of(
            ConnectionState.CONNECTING, PseudoClass.getPseudoClass("connecting"),
            ConnectionState.CONNECTED, PseudoClass.getPseudoClass("connected"),
            ConnectionState.DISCONNECTED, PseudoClass.getPseudoClass("disconnected"),
            ConnectionState.FAILED, PseudoClass.getPseudoClass("failed"));

    private final MainWindowViewModel window;
    private final StatusBarViewModel status;
    private final Runnable exitAction;
    private final Runnable aboutAction;

    @FXML private RadioMenuItem themeDarkItem;
    @FXML private RadioMenuItem themeLightItem;
    @FXML private RadioMenuItem languageZhItem;
    @FXML private RadioMenuItem languageEnItem;
    @FXML private CheckMenuItem demoFeedItem;
    @FXML private CheckMenuItem muteAlertsItem;
    @FXML private MenuItem demoFeedWaitingItem;
    @FXML private Label clockLabel;
    @FXML private Label shiftLabel;
    @FXML private Label connectionLabel;
    @FXML private Label databaseLabel;
    @FXML private Label backupLabel;
    @FXML private Label activityLabel;
    @FXML private ProgressBar activityBar;
    @FXML private StackPane mapPane;
    @FXML private VBox mapPlaceholder;
    @FXML private VBox detailRegion;
    @FXML private VBox queueRegion;
    @FXML private VBox queuePlaceholder;
    @FXML private VBox detailPlaceholder;
    @FXML private VBox mapRegion;
    @FXML private Menu identityMenu;
    @FXML private Menu superviseMenu;
    @FXML private Label identityLabel;
    @FXML private Label demoStoreLabel;
    @FXML private MenuItem commandBarItem;
    @FXML private MenuItem deskEntryItem;
    @FXML private MenuItem historySearchItem;
    @FXML private Menu ticketMenu;

    private final MapView map;
    private final QueueView queue;
    private final QueueViewModel queueModel;
    private final Messages messages;

    private final Parts parts;

    /// What the desk window adds to the layout: the team board under the map, the notice bar over
    /// it, the detail pane's action row, the identity menu, the command bar, the wall window and
    /// the panes over the queue (the supervisor's board).
    record Parts(Node teamBoard, Node noticeBar, Function<TicketDetail, TicketDetailView.Extras> detailExtras,
                 Consumer<Menu> identityMenu, Consumer<Menu> superviseMenu, ObservableValue<String> identity, ObservableValue<Boolean> demoStore,
                 Runnable commandBar, Runnable wall, Runnable deskEntry, ObservableValue<Boolean> signedIn,
                 ObservableValue<Boolean> deskEntryAllowed, Runnable historySearch, ObservableValue<Boolean> historyAllowed,
                 Runnable guide, List<Node> overQueue, Function<Region, Optional<Node>> gridExtras) {
    }

    MainWindowView(MainWindowViewModel window, StatusBarViewModel status, MapView map, QueueView queue, QueueViewModel queueModel,
                   Messages messages, Runnable exitAction, Runnable aboutAction, Parts parts) {
        this.parts = parts;
        this.window = window;
        this.status = status;
        this.map = map;
        this.queue = queue;
        this.queueModel = queueModel;
        this.messages = messages;
        this.exitAction = exitAction;
        this.aboutAction = aboutAction;
    }

    @FXML
    private void initialize() {
        clockLabel.textProperty().bind(status.clockTextProperty());
        shiftLabel.textProperty().bind(status.shiftTextProperty());
        connectionLabel.textProperty().bind(status.connectionTextProperty());
        databaseLabel.textProperty().bind(status.databaseTextProperty());
        backupLabel.textProperty().bind(status.backupTextProperty());
        backupLabel.visibleProperty().bind(status.backupTextProperty().isNotEmpty());
        backupLabel.managedProperty().bind(backupLabel.visibleProperty());
        status.backupLateProperty().addListener((obs, was, late) ->
                backupLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("late"), late));
        activityLabel.textProperty().bind(status.activityTextProperty());
        activityBar.progressProperty().bind(status.activityProgressProperty());
        activityBar.visibleProperty().bind(status.activityProgressProperty().greaterThanOrEqualTo(0));
        activityBar.managedProperty().bind(activityBar.visibleProperty());
        mapPane.getChildren().add(map);
        mapPane.getChildren().add(parts.noticeBar());
        StackPane.setAlignment(parts.noticeBar(), Pos.BOTTOM_CENTER);
        StackPane.setMargin(parts.noticeBar(), new Insets(0, 60, 24, 60));
        mapRegion.getChildren().add(parts.teamBoard());
        parts.identityMenu().accept(identityMenu);
        parts.superviseMenu().accept(superviseMenu);
        identityLabel.textProperty().bind(parts.identity());
        ticketMenu.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> Boolean.TRUE.equals(parts.signedIn().getValue()), parts.signedIn())); // nothing to find or enter before sign-in
        historySearchItem.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(parts.historyAllowed().getValue()), parts.historyAllowed()));
        deskEntryItem.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(parts.deskEntryAllowed().getValue()), parts.deskEntryAllowed()));
        SecurityTexts words = SecurityTexts.of(messages.language());
        demoStoreLabel.setText(words.get("session.demoStore"));
        demoStoreLabel.setTooltip(new Tooltip(words.get("session.demoStore.tip")));
        demoStoreLabel.visibleProperty().bind(parts.demoStore());
        demoStoreLabel.managedProperty().bind(parts.demoStore());
        queueRegion.getChildren().addAll(1, parts.overQueue());
        queueRegion.getChildren().add(1, staleBanner());
        VBox.setVgrow(queue, Priority.ALWAYS);
        queueRegion.getChildren().add(queue);
        queue.visibleProperty().bind(queueModel.loadedProperty());
        queue.managedProperty().bind(queueModel.loadedProperty());
        queuePlaceholder.visibleProperty().bind(queueModel.loadedProperty().not());
        queuePlaceholder.managedProperty().bind(queueModel.loadedProperty().not());
        mapPlaceholder.visibleProperty().bind(map.modelProperty().isNull());
        map.visibleProperty().bind(map.modelProperty().isNotNull());
        map.selectedGridProperty().addListener((obs, old, grid) -> showGrid(grid));
        showGrid(map.selectedGridProperty().get());
        showConnectionState(status.connectionStateProperty().get());
        status.connectionStateProperty().addListener((obs, old, now) -> showConnectionState(now));

        themeDarkItem.setUserData(Theme.DARK);
        themeLightItem.setUserData(Theme.LIGHT);
        ToggleGroup themes = group(themeDarkItem, themeLightItem);
        select(themes, window.getTheme());
        themes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                window.switchTheme((Theme) now.getUserData());
            }
        });

        demoFeedItem.selectedProperty().bindBidirectional(window.demoFeedProperty());
        muteAlertsItem.selectedProperty().bindBidirectional(window.alertsMutedProperty());
        demoFeedItem.disableProperty().bind(window.demoFeedAvailableProperty().not());
        demoFeedWaitingItem.visibleProperty().bind(window.demoFeedAvailableProperty().not()); // says why it is grey

        languageZhItem.setUserData(Language.ZH_CN);
        languageEnItem.setUserData(Language.EN);
        ToggleGroup languages = group(languageZhItem, languageEnItem);
        select(languages, window.getLanguage());
        languages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                window.switchLanguage((Language) now.getUserData());
            }
        });
    }

    /// Over the queue while the store is away: the data shown is as of then, actions wait.
    private Label staleBanner() {
        Label banner = new Label();
        banner.setId("staleBanner");
        banner.getStyleClass().add("stale-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(status.staleTextProperty());
        banner.visibleProperty().bind(status.staleTextProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void showConnectionState(ConnectionState state) {
        STATE_CLASSES.forEach((s, pseudoClass) -> connectionLabel.pseudoClassStateChanged(pseudoClass, s == state));
    }

    private static ToggleGroup group(RadioMenuItem... items) {
        ToggleGroup group = new ToggleGroup();
        for (RadioMenuItem item : items) {
            item.setToggleGroup(group);
        }
        return group;
    }

    private static void select(ToggleGroup group, Object value) {
        for (Toggle toggle : group.getToggles()) {
            toggle.setSelected(value.equals(toggle.getUserData()));
        }
    }

    /// The detail pane shows a ticket picked in the queue or on the map.
    void showTicket(TicketDetail detail) {
        detailRegion.getChildren().removeIf(n -> n instanceof GridCard || n instanceof TicketDetailView);
        detailPlaceholder.setVisible(false);
        detailPlaceholder.setManaged(false);
        TicketDetailView view = new TicketDetailView(messages, detail, parts.detailExtras().apply(detail));
        VBox.setVgrow(view, Priority.ALWAYS);
        detailRegion.getChildren().add(view);
    }

    /// The detail pane shows nothing of anyone's (the person left the desk).
    void clearDetail() {
        showGrid(null);
    }

    /// The detail pane shows the selected grid's card, or says what will appear there.
    private void showGrid(Region grid) {
        detailRegion.getChildren().removeIf(n -> n instanceof GridCard || n instanceof TicketDetailView);
        boolean shown = grid != null && map.modelProperty().get() != null;
        detailPlaceholder.setVisible(!shown);
        detailPlaceholder.setManaged(!shown);
        if (shown) {
            GridCard card = new GridCard(messages, map.modelProperty().get(), grid);
            parts.gridExtras().apply(grid).ifPresent(card.getChildren()::add);
            detailRegion.getChildren().add(card);
        }
    }

    @FXML
    private void exit() {
        exitAction.run();
    }

    @FXML
    private void openCommandBar() {
        parts.commandBar().run();
    }

    @FXML
    private void openDeskEntry() {
        parts.deskEntry().run();
    }

    @FXML
    private void openHistorySearch() {
        parts.historySearch().run();
    }

    @FXML
    private void openWall() {
        parts.wall().run();
    }

    @FXML
    private void about() {
        aboutAction.run();
    }

    @FXML
    private void openGuide() {
        parts.guide().run();
    }
}
