package org.griddesk.desk.detail;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.ui.Messages;

/// A window for a ticket's evidence, one item at a time: a picture fitted to the window and zoomed
/// (+ / − / 0 to fit / 1 for actual size, Ctrl and the wheel), the next and previous item (→ ←,
/// Page Down / Page Up, the buttons), a file that is not a picture opened in the system's program
/// (Enter), and Esc to close. The picture is read off the FX thread.
public final class EvidenceViewer {
    static final double ZOOM_STEP = 1.25;
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 8;

    private final Stage stage = new Stage();
    private final Messages texts;
    private final EvidenceLoader loader;
    private final List<EvidenceItem> items;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    /// 0 means fitted to the window; otherwise the picture's scale
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 0);
    private final ImageView picture = new ImageView();
    private final ScrollPane scroller = new ScrollPane();
    private final Label caption = new Label();
    private final Label status = new Label();
    private final Button openButton = new Button();
    private final StackPane centre = new StackPane();

    private EvidenceViewer(Window owner, Messages texts, EvidenceLoader loader, List<EvidenceItem> items, int start) {
        this.texts = texts;
        this.loader = loader;
        this.items = List.copyOf(items);
        Button previous = new Button("◀");
        previous.setId("evidencePrevious");
        previous.setOnAction(e -> previous());
        Button next = new Button("▶");
        next.setId("evidenceNext");
        next.setOnAction(e -> next());
        Button in = new Button("+");
        in.setOnAction(e -> zoomBy(ZOOM_STEP));
        Button out = new Button("−");
        out.setOnAction(e -> zoomBy(1 / ZOOM_STEP));
        Button fit = new Button(texts.get("evidence.viewer.fit"));
        fit.setOnAction(e -> zoom.set(0));
        openButton.setText(texts.get("evidence.viewer.open"));
        openButton.setId("evidenceOpen");
        openButton.setOnAction(e -> openWithSystem());
        for (Button b : List.of(previous, next, in, out, fit, openButton)) {
            b.setFocusTraversable(false); // the keys belong to the window
        }
        caption.setId("evidenceCaption");
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox bar = new HBox(8, previous, next, caption, space, out, in, fit, openButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("evidence-viewer-bar");
        Label keys = new Label(texts.get("evidence.viewer.keys"));
        keys.getStyleClass().add("evidence-viewer-keys");
        VBox bottom = new VBox(keys);
        bottom.setPadding(new Insets(4, 10, 6, 10));

        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.setId("evidencePicture");
        scroller.setContent(new StackPane(picture));
        scroller.setPannable(true);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        status.setId("evidenceStatus");
        status.setWrapText(true);
        centre.getChildren().addAll(scroller, status);
        BorderPane root = new BorderPane(centre, bar, null, bottom, null);
        root.setId("evidenceViewer");
        root.getStyleClass().add("evidence-viewer");
        Scene scene = new Scene(root, 1000, 720);
        scene.getStylesheets().add(EvidenceViewer.class.getResource(EvidenceStrip.STYLESHEET).toExternalForm());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(0, owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setScene(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        scroller.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                zoomBy(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
                e.consume();
            }
        });
        zoom.addListener((obs, old, now) -> layoutPicture());
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> layoutPicture());
        index.addListener((obs, old, now) -> showCurrent());
        index.set(Math.max(0, Math.min(start, items.size() - 1)));
        showCurrent();
    }

    /// Opens a viewer on `items` at `start`.
    public static EvidenceViewer show(Window owner, Messages texts, EvidenceLoader loader, List<EvidenceItem> items, int start) {
        EvidenceViewer viewer = new EvidenceViewer(owner, texts, loader, items, start);
        viewer.stage.show();
        viewer.stage.toFront();
        return viewer;
    }

    public Stage stage() {
        return stage;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /// 0 while fitted to the window, else the scale the picture is drawn at.
    public double zoom() {
        return zoom.get();
    }

    public void next() {
        index.set((index.get() + 1) % items.size());
    }

    public void previous() {
        index.set((index.get() - 1 + items.size()) % items.size());
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case ESCAPE -> stage.close();
            case RIGHT, PAGE_DOWN, SPACE -> next();
            case LEFT, PAGE_UP, BACK_SPACE -> previous();
            case PLUS, EQUALS, ADD -> zoomBy(ZOOM_STEP);
            case MINUS, SUBTRACT -> zoomBy(1 / ZOOM_STEP);
            case DIGIT0, NUMPAD0 -> zoom.set(0);
            case DIGIT1, NUMPAD1 -> zoom.set(1);
            case ENTER -> openWithSystem();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void zoomBy(double factor) {
        if (picture.getImage() == null) {
            return;
        }
        double from = zoom.get() == 0 ? fittedScale() : zoom.get();
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, from * factor)));
    }

    private double fittedScale() {
        Image image = picture.getImage();
        var view = scroller.getViewportBounds();
        if (image == null || image.getWidth() == 0 || view.getWidth() == 0) {
            return 1;
        }
        return Math.min(1, Math.min(view.getWidth() / image.getWidth(), view.getHeight() / image.getHeight()));
    }

    private void layoutPicture() {
        Image image = picture.getImage();
        if (image == null) {
            return;
        }
        double scale = zoom.get() == 0 ? fittedScale() : zoom.get();
        picture.setFitWidth(image.getWidth() * scale);
        picture.setFitHeight(image.getHeight() * scale);
    }

    private void showCurrent() {
        EvidenceItem item = items.get(index.get());
        caption.setText((index.get() + 1) + " / " + items.size() + "  ·  " + texts.get("evidence.origin." + item.origin().name())
                + "  ·  " + item.name());
        stage.setTitle(texts.get("evidence.viewer.title", item.name()));
        openButton.setDisable(!item.openable());
        picture.setImage(null);
        zoom.set(0);
        if (item.drawable()) {
            status.setText(texts.get("evidence.viewer.loading"));
            int shownAt = index.get();
            loader.picture(item, image -> {
                if (index.get() != shownAt) {
                    return; // the user moved on meanwhile
                }
                status.setText(image == null ? texts.get("evidence.viewer.unreadable") : "");
                picture.setImage(image);
                layoutPicture();
            });
        } else {
            status.setText(texts.get(item.openable() ? "evidence.viewer.notPicture" : "evidence.viewer.elsewhere", item.name()));
        }
    }

    private void openWithSystem() {
        EvidenceItem item = items.get(index.get());
        if (item.openable()) {
            loader.openWithSystem(item);
        }
    }
}
