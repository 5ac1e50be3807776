package org.griddesk.desk.entry;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.griddesk.desk.place.MapPoints;
import org.griddesk.desk.place.PickedPlace;
import org.griddesk.desk.place.PlacePicker;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.intake.DeskEntry;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Language;

/// Binds [DeskEntryViewModel] to `fxml/entry/desk-entry.fxml`. The keyboard: Tab goes through the
/// fields in order (Tab and Shift+Tab leave the content area too), every field has its mnemonic,
/// Enter saves (Shift+Enter is a new line in the content), Esc cancels; in the duplicates list
/// Enter opens the selected ticket.
public final class DeskEntryView {
    static final String FXML = "/fxml/entry/desk-entry.fxml";

    private final DeskEntryViewModel model;
    private final Runnable close;
    private final LongConsumer openTicket;

    @FXML private Parent root;
    @FXML private ToggleGroup arrivals;
    @FXML private RadioButton arrivalPhone;
    @FXML private RadioButton arrivalWalkIn;
    @FXML private CheckBox urgent;
    @FXML private TextField callerName;
    @FXML private TextField callerPhone;
    @FXML private Label callerNameLabel;
    @FXML private Label callerPhoneLabel;
    @FXML private Label callerError;
    @FXML private Label placeLabel;
    @FXML private VBox placeBox;
    @FXML private Label placeError;
    @FXML private TextField address;
    @FXML private Label addressLabel;
    @FXML private Label addressError;
    @FXML private TextArea content;
    @FXML private Label contentLabel;
    @FXML private Label contentError;
    @FXML private ComboBox<Item> item;
    @FXML private Label itemLabel;
    @FXML private Label suggestion;
    @FXML private Label itemError;
    @FXML private Label candidatesTitle;
    @FXML private ListView<Candidate> candidates;
    @FXML private Label candidatesHint;
    @FXML private Label message;
    @FXML private Button save;
    @FXML private Button cancel;

    private PlacePicker picker;
    private Label landing;

    /// @param close      closes the form's window
    /// @param openTicket shows a ticket in the desk's detail pane (a duplicate candidate)
    public DeskEntryView(DeskEntryViewModel model, MapPoints map, Runnable close, LongConsumer openTicket) {
        this.model = model;
        this.close = close;
        this.openTicket = openTicket;
        Fxml.load(this, FXML, model.words().bundle());
        bind(map);
    }

    public Parent root() {
        return root;
    }

    /// The first field (focused when the form opens).
    public Node firstField() {
        return callerPhone;
    }

    private void bind(MapPoints map) {
        arrivalPhone.setUserData(DeskEntry.Arrival.PHONE);
        arrivalWalkIn.setUserData(DeskEntry.Arrival.WALK_IN);
        arrivals.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.arrivalProperty().set((DeskEntry.Arrival) now.getUserData());
            }
        });
        urgent.selectedProperty().bindBidirectional(model.urgentProperty());
        callerName.textProperty().bindBidirectional(model.callerNameProperty());
        callerPhone.textProperty().bindBidirectional(model.callerPhoneProperty());
        address.textProperty().bindBidirectional(model.addressProperty());
        content.textProperty().bindBidirectional(model.contentProperty());
        callerNameLabel.setLabelFor(callerName);
        callerPhoneLabel.setLabelFor(callerPhone);
        addressLabel.setLabelFor(address);
        contentLabel.setLabelFor(content);
        itemLabel.setLabelFor(item);
        candidatesTitle.setLabelFor(candidates);

        picker = new PlacePicker(model.place(), model.words(), map);
        placeLabel.setLabelFor(picker.field());
        landing = new Label();
        landing.setId("entryLanding");
        landing.getStyleClass().add("entry-suggestion");
        landing.textProperty().bind(Bindings.createStringBinding(() -> landingText(model.place().chosenProperty().get()),
                model.place().chosenProperty()));
        placeBox.getChildren().addAll(picker, landing);

        item.setItems(model.items());
        item.setConverter(new StringConverter<>() {
            @Override
            public String toString(Item i) {
                return i == null ? model.words().get("entry.item.none") : i.name() + "  " + i.code();
            }

            @Override
            public Item fromString(String s) {
                return null;
            }
        });
        item.valueProperty().bindBidirectional(model.itemProperty());
        suggestion.textProperty().bind(Bindings.createStringBinding(model::suggestionText, model.suggestedItemProperty()));

        candidates.setItems(model.candidates());
        candidates.setCellFactory(v -> new CandidateCell());
        candidates.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Candidate c = candidates.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && c != null) {
                openTicket.accept(c.ticketId());
                e.consume();
            } else if (e.getCode() == KeyCode.M && c != null && !e.isShortcutDown()) {
                model.mergeInto(c);
                e.consume();
            }
        });
        candidates.setOnMouseClicked(e -> {
            Candidate c = candidates.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && c != null) {
                openTicket.accept(c.ticketId());
            }
        });
        candidatesHint.textProperty().bind(Bindings.createStringBinding(() -> model.checkingProperty().get()
                        ? model.words().get("entry.candidates.checking")
                        : model.candidates().isEmpty() && !model.contentProperty().get().isBlank()
                        ? model.words().get("entry.candidates.none") : model.words().get("entry.candidates.hint"),
                model.checkingProperty(), model.candidates(), model.contentProperty()));

        Map<String, Label> errorLabels = Map.of("callerName", callerError, "callerPhone", callerError, "place", placeError,
                "address", addressError, "content", contentError, "item", itemError);
        errorLabels.values().forEach(l -> {
            l.setVisible(false);
            l.setManaged(false);
        });
        model.errors().addListener((MapChangeListener<String, String>) c -> showErrors(errorLabels, c.wasAdded()));

        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        save.disableProperty().bind(model.busyProperty().or(model.savedTicketProperty().greaterThan(0)));

        // the content area: Enter saves, Shift+Enter a new line, Tab and Shift+Tab leave it
        content.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                content.insertText(content.getCaretPosition(), "\n");
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                model.save();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                (e.isShiftDown() ? address : item).requestFocus();
                e.consume();
            }
        });
    }

    /// @param refused errors came (a refused save), not only went (a field being fixed): only then
    ///                does the focus move, so that typing into one field never sends it to another
    private void showErrors(Map<String, Label> labels, boolean refused) {
        labels.values().forEach(l -> l.setText(""));
        model.errors().forEach((field, text) -> {
            Label l = labels.get(field);
            if (l != null) {
                l.setText(l.getText().isEmpty() ? text : l.getText() + "；" + text);
            }
        });
        labels.values().forEach(l -> {
            l.setVisible(!l.getText().isEmpty());
            l.setManaged(!l.getText().isEmpty());
        });
        Map<String, Node> fields = Map.of("callerName", callerName, "callerPhone", callerPhone, "place", picker.field(),
                "address", address, "content", content, "item", item);
        fields.forEach((field, node) -> node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"),
                model.errors().containsKey(field)));
        // after a refused save the first field in error takes the focus, so the person fixes it at once
        for (String field : refused ? DeskEntryViewModel.FIELDS : List.<String>of()) {
            if (model.errors().containsKey(field) && fields.containsKey(field)) {
                fields.get(field).requestFocus();
                break;
            }
        }
    }

    private String landingText(PickedPlace picked) {
        if (picked == null) {
            return "";
        }
        return picked.gridCode() == null ? model.words().get("entry.landing.none")
                : model.words().get("entry.landing", picked.place().label() + " " + picked.gridCode());
    }

    @FXML
    void save() {
        model.save();
    }

    @FXML
    void cancel() {
        model.close();
        close.run();
    }

    /// One duplicate candidate: its code and text, how alike and why, an Open button and a Merge
    /// into this one button (M).
    private final class CandidateCell extends ListCell<Candidate> {
        @Override
        protected void updateItem(Candidate c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean zh = model.words().language() == Language.ZH_CN;
            Label line = new Label(model.words().get("entry.candidate.line", c.code(), Math.round(c.score() * 100)));
            line.getStyleClass().add("entry-candidate-code");
            Label summary = new Label(c.summary());
            summary.setWrapText(true);
            Label why = new Label(String.join(zh ? "；" : "; ", c.reasons().stream().map(r -> zh ? r.zh() : r.en()).toList()));
            why.getStyleClass().add("entry-suggestion");
            why.setWrapText(true);
            Button open = new Button(model.words().get("entry.candidate.open"));
            open.setId("candidateOpen-" + c.code());
            open.setFocusTraversable(false);
            open.setOnAction(e -> openTicket.accept(c.ticketId()));
            Button merge = new Button(model.words().get("entry.candidate.merge"));
            merge.setId("candidateMerge-" + c.code());
            merge.setFocusTraversable(false);
            merge.disableProperty().bind(model.busyProperty());
            merge.setOnAction(e -> model.mergeInto(c));
            VBox text = new VBox(2, line, summary, why);
            text.setMinWidth(0);
            text.setPrefWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, text, new VBox(4, open, merge));
            row.setId("candidate-" + c.code());
            setText(null);
            setGraphic(row);
        }
    }
}
