package org.griddesk.desk.command;

import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.griddesk.desk.detail.EvidenceStrip;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The handled-report form's files: a button that opens a file chooser (also Ctrl+O), files
/// dropped anywhere on the form, each file a chip with its name, size and a remove button, and the
/// reason a file was refused. The reading and checking is [EvidencePicker]'s, off the FX thread.
final class EvidenceInput {
    static final String BUNDLE = "i18n/evidence";

    private final EvidencePicker picker;
    private final Messages texts;
    private final VBox node = new VBox(4);
    private final FlowPane chips = new FlowPane(6, 4);

    EvidenceInput(EvidencePicker picker, DialogPane pane, Language language) {
        this.picker = picker;
        this.texts = Messages.of(language, BUNDLE);
        node.setId("formEvidence");
        node.getStylesheets().add(EvidenceInput.class.getResource(EvidenceStrip.STYLESHEET).toExternalForm());
        Label title = new Label(texts.get("evidence.form.title"));
        title.getStyleClass().add("form-label");
        Button add = new Button(texts.get("evidence.form.add"));
        add.setId("formEvidenceAdd");
        add.setOnAction(e -> choose(pane));
        Label hint = new Label(texts.get("evidence.form.hint", Attachment.MAX_BYTES / (1024 * 1024), Attachment.MAX_PER_REPORT));
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        Label reading = new Label(texts.get("evidence.form.reading"));
        reading.visibleProperty().bind(picker.readingProperty());
        reading.managedProperty().bind(reading.visibleProperty());
        Label refusal = new Label();
        refusal.setId("formEvidenceRefusal");
        refusal.getStyleClass().add("form-missing");
        refusal.setWrapText(true);
        refusal.textProperty().bind(picker.refusalProperty());
        refusal.visibleProperty().bind(picker.refusalProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        chips.setId("formEvidenceFiles");
        picker.files().addListener((ListChangeListener<Attachment>) c -> showChips());
        node.getChildren().addAll(title, new HBox(8, add, reading), chips, refusal, hint);

        pane.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        pane.setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                picker.add(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
        KeyCombination open = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
        pane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (open.match(e)) {
                choose(pane);
                e.consume();
            }
        });
    }

    Node node() {
        return node;
    }

    private void choose(DialogPane pane) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("evidence.form.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.get("evidence.form.filter"), "*.jpg", "*.jpeg", "*.png", "*.webp", "*.pdf",
                        "*.JPG", "*.JPEG", "*.PNG", "*.WEBP", "*.PDF"),
                new FileChooser.ExtensionFilter(texts.get("evidence.form.all"), "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(pane.getScene() == null ? null : pane.getScene().getWindow());
        if (chosen != null) {
            picker.add(chosen.stream().map(File::toPath).toList());
        }
    }

    private void showChips() {
        chips.getChildren().setAll(picker.files().stream().map(this::chip).toList());
    }

    private Node chip(Attachment a) {
        Label name = new Label(a.name() + "  " + EvidenceStrip.sizeText(a.size()));
        Button remove = new Button("✕");
        remove.getStyleClass().add("flat");
        remove.setAccessibleText(texts.get("evidence.form.remove", a.name()));
        remove.setOnAction(e -> picker.remove(a));
        HBox chip = new HBox(4, name, remove);
        chip.getStyleClass().add("evidence-chip");
        return chip;
    }
}
