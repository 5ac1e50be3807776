package org.griddesk.desk;

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
    static final String STYLESHEET = "/css/griddesk.css";

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

    public DeskWindow(Stage stage, MainWindowViewModel window, StatusBarViewModel status, Clock clock, String version,
                      String myCentre) {
        this.stage = stage;
        this.window = window;
        this.status = status;
        this.clock = clock;
        this.version = version;
        this.messages = Messages.of(window.getLanguage());
        this.queueModel = new QueueViewModel(myCentre);
        this.ticker = new javafx.animation.Timeline(new KeyFrame(Duration.seconds(1), e -> {
            status.tick(clock.instant());
            queueModel.tick(clock.instant());
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        this.map = new MapView(messages, ChineseFonts.choose(new HashSet<>(Font.getFamilies())).orElse(Font.getDefault().getFamily()));
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
    }

    /// `handler` hears the id of each ticket picked in the queue or on the map (to read its detail).
    public void onTicketPicked(java.util.function.LongConsumer handler) {
        this.ticketPicked = handler;
    }

    /// Shows a ticket's detail in the detail pane (unless another ticket was picked since).
    public void showTicket(TicketDetail detail) {
        if (view != null && detail.ticket().id() == map.selectedTicketProperty().get()) {
            view.showTicket(detail);
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
        status.useMessages(messages);
        map.useMessages(messages);
        queue.useMessages(messages);
        stage.getScene().setRoot(load());
        stage.setTitle(messages.get("app.title"));
    }

    public void close() {
        ticker.stop();
    }

    private Parent load() {
        FXMLLoader loader = new FXMLLoader(DeskWindow.class.getResource(FXML), messages.bundle());
        view = new MainWindowView(window, status, map, queue, queueModel, messages, stage::close, this::showAbout);
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
    static String fontStylesheet(String family) {
        String css = ".root { -fx-font-family: \"" + family.replace("\"", "") + "\"; }";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
