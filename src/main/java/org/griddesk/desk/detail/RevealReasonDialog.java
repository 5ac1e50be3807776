package org.griddesk.desk.detail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.griddesk.ui.Messages;

/// The dialog that asks the reason for a reveal ([RevealReasonViewModel] holds its rules); its
/// confirm button waits for an acceptable reason.
public final class RevealReasonDialog {
    static final String FXML = "/fxml/detail/reveal-reason.fxml";

    private final Dialog<String> dialog = new Dialog<>();
    private final RevealReasonViewModel model;

    @FXML private DialogPane pane;
    @FXML private TextArea reason;
    @FXML private Label verdict;
    @FXML private Label count;

    public RevealReasonDialog(Messages texts, String what, Window owner) {
        this.model = new RevealReasonViewModel(texts);
        FXMLLoader loader = new FXMLLoader(RevealReasonDialog.class.getResource(FXML), texts.bundle());
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
        dialog.setDialogPane(pane);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(texts.get("reveal.title") + " · " + what);
        pane.setHeaderText(texts.get("reveal.title") + "  " + what);
        ButtonType show = new ButtonType(texts.get("reveal.ok"), ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().addAll(show, new ButtonType(texts.get("reveal.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Node confirm = pane.lookupButton(show);
        confirm.setId("revealConfirm");
        confirm.disableProperty().bind(model.acceptableProperty().not());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        verdict.textProperty().bind(model.verdictProperty());
        count.textProperty().bind(model.countProperty());
        dialog.setResultConverter(button -> button == show ? model.reason() : null);
        Platform.runLater(reason::requestFocus);
    }

    public RevealReasonViewModel model() {
        return model;
    }

    public DialogPane pane() {
        return pane;
    }

    /// Shows the dialog; `onReason` hears the reason if the user confirms.
    public void show(Consumer<String> onReason) {
        dialog.setOnHidden(e -> {
            String result = dialog.getResult();
            if (result != null) {
                onReason.accept(result);
            }
        });
        dialog.show();
    }
}
