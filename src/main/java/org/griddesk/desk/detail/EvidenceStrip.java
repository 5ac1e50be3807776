package org.griddesk.desk.detail;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The detail pane's photos and files: the pictures a request came with, the files of its handled
/// reports and its video alarms' snapshots, as thumbnails (read and scaled off the FX thread by
/// [EvidenceLoader]) in one row. A tile opens the picture in the [EvidenceViewer] (Enter or a
/// click), or a file in the system's program; the strip hides itself when there is nothing.
public final class EvidenceStrip extends VBox {
    public static final String BUNDLE = "i18n/evidence";
    public static final String STYLESHEET = "/fxml/detail/evidence.css";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final Messages texts;
    private final EvidenceLoader loader;
    private final HBox tiles = new HBox(8);
    private final Label title = new Label();
    private List<EvidenceLoader.Shown> shown = List.of();

    public EvidenceStrip(Language language, EvidenceLoader loader, TicketDetail d) {
        super(4);
        this.texts = Messages.of(language, BUNDLE);
        this.loader = loader;
        setId("evidenceStrip");
        getStyleClass().add("evidence-strip");
        getStylesheets().add(EvidenceStrip.class.getResource(STYLESHEET).toExternalForm());
        title.getStyleClass().add("detail-section");
        tiles.setId("evidenceTiles");
        tiles.setAlignment(Pos.TOP_LEFT);
        ScrollPane row = new ScrollPane(tiles);
        row.setFitToHeight(true);
        row.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        row.getStyleClass().add("evidence-row");
        getChildren().addAll(title, row);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        loader.load(d, this::show);
    }

    /// What the strip shows, once read (empty before).
    public List<EvidenceLoader.Shown> shown() {
        return shown;
    }

    private void show(List<EvidenceLoader.Shown> items) {
        shown = items;
        title.setText(texts.get("evidence.section", items.size()));
        tiles.getChildren().setAll(items.stream().map(this::tile).toList());
        setVisible(!items.isEmpty());
    }

    private Button tile(EvidenceLoader.Shown s) {
        EvidenceItem item = s.item();
        Button tile = new Button(texts.get("evidence.origin." + item.origin().name()) + "\n" + TIME.format(item.at()));
        int index = shown.indexOf(s);
        tile.setId("evidenceTile" + index);
        tile.getStyleClass().add("evidence-tile");
        tile.setContentDisplay(ContentDisplay.TOP);
        tile.setWrapText(true);
        if (s.thumbnail() != null) {
            ImageView view = new ImageView(s.thumbnail());
            view.setPreserveRatio(true);
            view.setFitWidth(EvidenceLoader.THUMB_WIDTH * 0.75);
            view.setFitHeight(EvidenceLoader.THUMB_HEIGHT * 0.75);
            tile.setGraphic(view);
        } else {
            Label file = new Label(item.type() == null ? texts.get("evidence.link") : item.type().name());
            file.getStyleClass().add("evidence-file");
            tile.setGraphic(file);
        }
        tile.setTooltip(new Tooltip(item.name() + (item.size() > 0 ? "  " + sizeText(item.size()) : "")));
        tile.setAccessibleText(item.name());
        tile.setDisable(!item.drawable() && !item.openable());
        tile.setOnAction(e -> open(index));
        return tile;
    }

    /// Opens the item at `index`: a picture in the viewer, anything else in the system's program.
    public void open(int index) {
        EvidenceItem item = shown.get(index).item();
        if (item.drawable()) {
            EvidenceViewer.show(getScene() == null ? null : getScene().getWindow(), texts, loader,
                    shown.stream().map(EvidenceLoader.Shown::item).toList(), index);
        } else {
            loader.openWithSystem(item);
        }
    }

    /// A file's size as people read it: `820 KB`, `2.4 MB`.
    public static String sizeText(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
