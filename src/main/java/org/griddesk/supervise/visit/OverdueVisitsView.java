package org.griddesk.supervise.visit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import org.griddesk.ui.Fxml;

/// The screen of [OverdueVisitsViewModel] (`/fxml/supervise/overdue-visits.fxml`): binds in one place.
final class OverdueVisitsView {
    private static final String FXML = "/fxml/supervise/overdue-visits.fxml";
    private static final String CSS = "/fxml/supervise/overdue-visits.css";
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass EVENT = PseudoClass.getPseudoClass("event");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    @FXML
    private BorderPane root;
    @FXML
    private Label heading;
    @FXML
    private Label message;
    @FXML
    private Label frequencies;
    @FXML
    private Button showAll;
    @FXML
    private TableView<CommunityLine> communities;
    @FXML
    private TableColumn<CommunityLine, String> areaColumn;
    @FXML
    private TableColumn<CommunityLine, String> communityColumn;
    @FXML
    private TableColumn<CommunityLine, Long> countColumn;
    @FXML
    private TableColumn<CommunityLine, Long> eventCountColumn;
    @FXML
    private TableColumn<CommunityLine, String> oldestColumn;
    @FXML
    private TableColumn<CommunityLine, Long> oldestDaysColumn;
    @FXML
    private TableView<VisitLine> table;
    @FXML
    private TableColumn<VisitLine, String> gridColumn;
    @FXML
    private TableColumn<VisitLine, String> householdColumn;
    @FXML
    private TableColumn<VisitLine, String> categoryColumn;
    @FXML
    private TableColumn<VisitLine, String> frequencyColumn;
    @FXML
    private TableColumn<VisitLine, String> dueColumn;
    @FXML
    private TableColumn<VisitLine, VisitLine> lateColumn;
    @FXML
    private TableColumn<VisitLine, String> reasonColumn;
    @FXML
    private Label emptyLabel;
    @FXML
    private TitledPane declarePane;
    @FXML
    private TextField regionCode;
    @FXML
    private TextField eventTitle;
    @FXML
    private Button declare;
    @FXML
    private Label declareMessage;

    private final OverdueVisitsViewModel model;

    OverdueVisitsView(OverdueVisitsViewModel model) {
        this.model = model;
        Fxml.load(this, FXML, model.words().bundle());
        root.getStylesheets().add(OverdueVisitsView.class.getResource(CSS).toExternalForm());
        heading.textProperty().bind(model.headingProperty());
        message.textProperty().bind(model.messageProperty());
        frequencies.textProperty().bind(model.frequenciesProperty());

        communities.setItems(model.communities());
        text(areaColumn, CommunityLine::areaName);
        areaColumn.visibleProperty().bind(model.wholeDistrictProperty());
        text(communityColumn, c -> c.communityName() + "（" + c.communityCode() + "）");
        number(countColumn, CommunityLine::overdue);
        number(eventCountColumn, CommunityLine::eventOverdue);
        text(oldestColumn, CommunityLine::oldestDueBy);
        number(oldestDaysColumn, CommunityLine::oldestDaysLate);
        communities.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.communityProperty().set(now));
        model.communityProperty().addListener((obs, old, now) -> {
            if (communities.getSelectionModel().getSelectedItem() != now) {
                communities.getSelectionModel().select(now);
            }
        });
        showAll.disableProperty().bind(model.communityProperty().isNull());

        table.setItems(model.shownLines());
        text(gridColumn, l -> l.gridName() + "（" + l.gridCode() + "）");
        text(householdColumn, VisitLine::household);
        text(categoryColumn, VisitLine::category);
        text(frequencyColumn, VisitLine::frequency);
        text(dueColumn, VisitLine::dueBy);
        // shown in words, sorted by the minutes late
        lateColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        lateColumn.setComparator(java.util.Comparator.comparingLong(VisitLine::minutesLate));
        lateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VisitLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.lateness());
            }
        });
        text(reasonColumn, VisitLine::reason);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(VisitLine item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(EVENT, !empty && item != null && item.majorEvent());
                pseudoClassStateChanged(PENDING, !empty && item != null && !item.overdue());
            }
        });
        emptyLabel.textProperty().bind(model.messageProperty());
        // a declaration's visits join the list at its end: show the first of them
        model.declaredProperty().addListener((obs, old, now) -> {
            if (now != null) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });

        boolean mayDeclare = model.mayDeclare();
        declarePane.setVisible(mayDeclare);
        declarePane.setManaged(mayDeclare);
        regionCode.textProperty().bindBidirectional(model.regionCodeProperty());
        eventTitle.textProperty().bindBidirectional(model.eventTitleProperty());
        declare.disableProperty().bind(model.busyProperty());
        declareMessage.textProperty().bind(model.declareMessageProperty());
        model.declareRefusedProperty().addListener((obs, was, now) -> declareMessage.pseudoClassStateChanged(REFUSED, now));
    }

    private static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private static <R> void number(TableColumn<R, Long> column, Function<R, Long> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    @FXML
    private void refresh() {
        model.load();
    }

    @FXML
    private void showAll() {
        model.communityProperty().set(null);
    }

    @FXML
    private void declare() {
        model.declare();
    }

    BorderPane root() {
        return root;
    }
}
