package org.griddesk.desk.audit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditWords;
import org.griddesk.security.Session;
import org.griddesk.store.security.AuditLog;
import org.griddesk.ui.Language;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.TaskExecutor;

/// The audit administrator's window onto the audit log: filters, a paged table, the chain's status
/// and an export to CSV. It only binds [AuditViewModel] to the controls laid out in
/// `fxml/audit/audit-viewer.fxml`.
public final class AuditViewer {
    static final String FXML = "/fxml/audit/audit-viewer.fxml";
    static final String CSS = "/fxml/audit/audit-viewer.css";
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final AuditViewModel model;

    @FXML
    private Parent root;
    @FXML
    private DatePicker from;
    @FXML
    private DatePicker to;
    @FXML
    private TextField actor;
    @FXML
    private ComboBox<AuditAction> action;
    @FXML
    private ComboBox<AuditOutcome> outcome;
    @FXML
    private TextField text;
    @FXML
    private Button export;
    @FXML
    private Label message;
    @FXML
    private TableView<AuditRow> table;
    @FXML
    private TableColumn<AuditRow, Object> seqColumn;
    @FXML
    private TableColumn<AuditRow, Object> timeColumn;
    @FXML
    private TableColumn<AuditRow, Object> actorColumn;
    @FXML
    private TableColumn<AuditRow, Object> deskColumn;
    @FXML
    private TableColumn<AuditRow, Object> actionColumn;
    @FXML
    private TableColumn<AuditRow, Object> targetColumn;
    @FXML
    private TableColumn<AuditRow, Object> outcomeColumn;
    @FXML
    private TableColumn<AuditRow, Object> detailColumn;
    @FXML
    private Label chain;
    @FXML
    private Button previous;
    @FXML
    private Label pageLabel;
    @FXML
    private Button next;

    public AuditViewer(AuditViewModel model) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(AuditViewer.class.getResource(FXML), model.words().bundle());
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
        bind();
    }

    /// Opens the viewer in a window of its own, reads the first page and checks the chain.
    public static Stage open(Window owner, AuditLog auditLog, Session session, Language language, TaskExecutor executor) {
        AuditViewModel model = new AuditViewModel(auditLog, session, AuditWords.of(language), executor);
        AuditViewer viewer = new AuditViewer(model);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(model.words().text("audit.viewer.title"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(viewer.root(), Math.min(1440, screen.getWidth()), Math.min(860, screen.getHeight()));
        SceneStyle.apply(scene);
        stage.setScene(scene);
        stage.show();
        model.search();
        model.verifyChain();
        return stage;
    }

    public Parent root() {
        return root;
    }

    private void bind() {
        root.getStylesheets().add(AuditViewer.class.getResource(CSS).toExternalForm());
        AuditWords words = model.words();
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        for (DatePicker picker : List.of(from, to)) {
            picker.setConverter(new StringConverter<>() {
                @Override
                public String toString(LocalDate date) {
                    return date == null ? "" : day.format(date);
                }

                @Override
                public LocalDate fromString(String s) {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.strip(), day);
                }
            });
        }
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        actor.textProperty().bindBidirectional(model.actorProperty());
        text.textProperty().bindBidirectional(model.textProperty());
        choices(action, AuditAction.values(), words::action, words.text("audit.viewer.any"));
        action.valueProperty().bindBidirectional(model.actionProperty());
        choices(outcome, AuditOutcome.values(), words::outcome, words.text("audit.viewer.any"));
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());

        table.setItems(model.rows());
        column(seqColumn, AuditRow::seq);
        column(timeColumn, AuditRow::time);
        column(actorColumn, AuditRow::actor);
        column(deskColumn, AuditRow::desk);
        column(actionColumn, AuditRow::action);
        column(targetColumn, AuditRow::target);
        column(outcomeColumn, AuditRow::outcome);
        column(detailColumn, AuditRow::detail);
        table.setPlaceholder(new Label(words.text("audit.viewer.empty")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(REFUSED, !empty && row != null && row.refused());
            }
        });

        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        chain.textProperty().bind(model.chainTextProperty());
        model.chainBrokenProperty().addListener((obs, was, broken) -> chain.pseudoClassStateChanged(BROKEN, broken));
        pageLabel.textProperty().bind(model.pageTextProperty());
        previous.disableProperty().bind(model.canPreviousProperty().not().or(model.busyProperty()));
        next.disableProperty().bind(model.canNextProperty().not().or(model.busyProperty()));
        export.disableProperty().bind(model.busyProperty());
    }

    private static <T> void choices(ComboBox<T> box, T[] values, Function<T, String> word, String any) {
        List<T> items = new ArrayList<>();
        items.add(null);
        items.addAll(Arrays.asList(values));
        box.getItems().setAll(items);
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? any : word.apply(value);
            }

            @Override
            public T fromString(String s) {
                return items.stream().filter(v -> toString(v).equals(s)).findFirst().orElse(null);
            }
        };
        box.setConverter(converter);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : converter.toString(value));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }

    private static void column(TableColumn<AuditRow, Object> column, Function<AuditRow, Object> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    @FXML
    private void search() {
        model.search();
    }

    @FXML
    private void previous() {
        model.previous();
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(model.words().text("audit.viewer.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(model.words().text("audit.viewer.csv"), "*.csv"));
        chooser.setInitialFileName("audit-" + LocalDate.now() + ".csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }
}
