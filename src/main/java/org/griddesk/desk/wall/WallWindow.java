package org.griddesk.desk.wall;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.ui.ChineseFonts;
import org.griddesk.ui.Layouts;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.Theme;

/// The wall screen (指挥大屏): a second window, full screen on the second monitor when there is one,
/// showing the district map, today's intake by channel, open, overdue and at-risk work, the on-time
/// rate, and the newest urgent tickets — in type readable from five metres.
public final class WallWindow {
    /// newest urgent or overdue tickets listed
    static final int NEWEST = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(WorkCalendar.ZONE);

    private final Stage stage = new Stage();
    private final Messages messages;
    private final QueueViewModel queue;
    private final MapView map;
    private final Label today = new Label();
    private final GridPane channels = new GridPane();
    private final Label open = new Label();
    private final Label overdue = new Label();
    private final Label atRisk = new Label();
    private final Label onTime = new Label();
    private final Label clock = new Label();
    private final VBox newest = new VBox(6);
    private QueueRepository.Figures figures;
    private boolean fitting;

    public WallWindow(Messages messages, ObjectProperty<MapModel> model, QueueViewModel queue, ObjectProperty<Theme> theme) {
        this.messages = messages;
        this.queue = queue;
        String family = ChineseFonts.choose(new HashSet<>(Font.getFamilies())).orElse(Font.getDefault().getFamily());
        this.map = new MapView(messages, family);
        map.useDarkColours(true);
        map.modelProperty().bind(model);
        map.setId("wallMap");
        map.setMinSize(0, 0); // the map takes what the figures leave, never pushes the window past the screen

        Label title = new Label(messages.get("wall.title"));
        title.getStyleClass().add("wall-title");
        clock.getStyleClass().add("wall-clock");
        HBox top = Layouts.spread(20, Pos.CENTER_LEFT, title, clock);
        top.getStyleClass().add("wall-top");

        today.setId("wallToday");
        open.setId("wallOpen");
        overdue.setId("wallOverdue");
        atRisk.setId("wallAtRisk");
        onTime.setId("wallOnTime");
        VBox figuresBox = new VBox(14,
                figure("wall.today", today), channels,
                figure("wall.open", open), figure("wall.overdue", overdue), figure("wall.atRisk", atRisk),
                figure("wall.onTime", onTime),
                heading("wall.newest"), newest);
        figuresBox.getStyleClass().add("wall-figures");
        figuresBox.setPrefWidth(560);
        figuresBox.setMinWidth(480);
        figuresBox.setMinHeight(0);
        channels.getStyleClass().add("wall-channels");
        newest.setId("wallNewest");

        BorderPane root = new BorderPane(map, top, figuresBox, null, null);
        root.getStyleClass().addAll("wall-window");
        BorderPane.setMargin(figuresBox, new Insets(0, 0, 0, 16));
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 1920, 1080);
        SceneStyle.apply(scene);
        stage.setScene(scene);
        stage.setTitle(messages.get("wall.title"));
        stage.setFullScreenExitHint(messages.get("wall.fullScreenHint"));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
        queue.all().addListener((ListChangeListener<QueueItem>) c -> refresh());
        queue.nowProperty().addListener((obs, old, now) -> clock.setText(TIME.format(now)));
        refresh();
    }

    /// Shows the window: full screen on the last screen when there are two or more, else as a
    /// window (F11 toggles full screen) so the desk stays in reach.
    public void show() {
        List<Screen> screens = Screen.getScreens();
        Screen target = screens.getLast();
        Rectangle2D bounds = target.getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        if (screens.size() > 1) {
            stage.setFullScreen(true);
        } else {
            stage.setMaximized(true);
        }
        stage.show();
        stage.toFront();
        refresh();
        // the whole district, once the window has its size (and again when the screen changes it)
        Platform.runLater(map::fitDistrict);
        if (!fitting) {
            fitting = true;
            map.widthProperty().addListener((obs, old, w) -> map.fitDistrict());
            map.heightProperty().addListener((obs, old, h) -> map.fitDistrict());
        }
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    /// New figures from the store (today's intake, on-time rate).
    public void useFigures(QueueRepository.Figures newFigures) {
        this.figures = newFigures;
        refresh();
    }

    private void refresh() {
        if (!stage.isShowing()) {
            return; // a closed wall costs the desk nothing; it is filled again when shown
        }
        WallModel wall = WallModel.of(queue.all(), NEWEST);
        open.setText(String.valueOf(wall.open()));
        overdue.setText(String.valueOf(wall.overdue()));
        atRisk.setText(String.valueOf(wall.atRisk()));
        channels.getChildren().clear();
        if (figures != null) {
            today.setText(String.valueOf(figures.today()));
            onTime.setText(String.format("%.1f%%", figures.onTimeRate() * 100));
            int row = 0;
            for (Channel c : Channel.values()) {
                int n = figures.todayByChannel().getOrDefault(c, 0);
                Label name = new Label(messages.get("channel." + c.name()));
                Label count = new Label(String.valueOf(n));
                name.getStyleClass().add("wall-channel");
                count.getStyleClass().add("wall-channel-count");
                channels.addRow(row++, name, count);
            }
        } else {
            today.setText("…");
            onTime.setText("…");
        }
        newest.getChildren().clear();
        Instant now = queue.nowProperty().get();
        for (QueueItem i : wall.newestUrgent()) {
            Label line = new Label(TIME.format(i.reportedAt()) + "  " + (i.itemName().isEmpty() ? i.shortText() : i.itemName())
                    + "  " + (i.placed() ? i.place() : messages.get("queue.unplaced")));
            line.getStyleClass().addAll("wall-ticket", i.risk() == QueueItem.Risk.OVERDUE ? "wall-overdue" : "wall-urgent");
            newest.getChildren().add(line);
        }
        clock.setText(TIME.format(now == null ? Instant.now() : now));
    }

    private Node figure(String key, Label value) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("wall-figure-name");
        value.getStyleClass().add("wall-figure");
        return Layouts.spread(12, Pos.BASELINE_LEFT, name, value);
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("wall-heading");
        return l;
    }
}
