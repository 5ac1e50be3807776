package org.griddesk.supervise.ranking;

import java.io.File;
import java.io.IOException;
import java.time.YearMonth;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.griddesk.ui.Windows;
import org.griddesk.domain.assessment.RankingRow;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.supervise.bulletin.BulletinTable.Num;
import org.griddesk.supervise.bulletin.BulletinTable.NumFormat;
import org.griddesk.supervise.drill.TicketLists;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;

/// Binds [RankingViewModel] to `fxml/supervise/ranking.fxml`: the month and unit kind on top, the
/// ranking table, the picked row's explanation with a link per line to its tickets, and the button that
/// makes the month's bulletin (file chooser; made off the FX thread).
final class RankingView {
    static final String FXML = "/fxml/supervise/ranking.fxml";
    static final String BUNDLE = "i18n/report";

    private final RankingViewModel model;
    private final TicketLists lists;
    private final Messages words;

    @FXML
    private Parent root;
    @FXML
    private ComboBox<YearMonth> monthChoice;
    @FXML
    private ToggleButton centresToggle;
    @FXML
    private ToggleButton departmentsToggle;
    @FXML
    private Button makeBulletin;
    @FXML
    private TableView<RankingRow> rankingTable;
    @FXML
    private Label explanationTitle;
    @FXML
    private GridPane explanationLines;
    @FXML
    private Label status;

    private RankingView(RankingViewModel model, TicketLists lists, Messages words) {
        this.model = model;
        this.lists = lists;
        this.words = words;
        Fxml.load(this, FXML, words.bundle());
        bind();
    }

    static Stage open(Window owner, RankingViewModel model, TicketLists lists, Messages words) {
        RankingView view = new RankingView(model, lists, words);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(words.get("ranking.windowTitle"));
        Scene scene = Windows.fit(stage, view.root, 1360, 760);
        SceneStyle.apply(scene);
        stage.show();
        model.load();
        return stage;
    }

    private void bind() {
        monthChoice.getItems().setAll(model.months());
        monthChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(YearMonth m) {
                return m == null ? "" : words.get("ranking.monthName", Integer.toString(m.getYear()), m.getMonthValue());
            }

            @Override
            public YearMonth fromString(String s) {
                return null;
            }
        });
        monthChoice.valueProperty().bindBidirectional(model.monthProperty());
        ToggleGroup kinds = new ToggleGroup();
        centresToggle.setToggleGroup(kinds);
        departmentsToggle.setToggleGroup(kinds);
        centresToggle.setSelected(true);
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                model.dimensionProperty().set(now == departmentsToggle ? UnitDimension.DEPARTMENT : UnitDimension.CENTRE);
            }
        });
        columns();
        rankingTable.setItems(model.rows());
        rankingTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.pickedProperty().set(row));
        model.explanation().addListener((javafx.collections.ListChangeListener<ScoreLine>) c -> explain());
        status.textProperty().bind(model.statusProperty());
        makeBulletin.disableProperty().bind(model.busyProperty());
        makeBulletin.setOnAction(e -> chooseFile());
        explain();
    }

    private void columns() {
        column("ranking.col.rank", r -> r.rank() == 0 ? "—" : Integer.toString(r.rank()), 52);
        column("ranking.col.unit", RankingRow::unitName, 230);
        column("ranking.col.score", r -> shown(r.score().total(), NumFormat.POINTS), 80);
        column("ranking.col.rankChange", r -> change(r.rankChange()), 80);
        column("ranking.col.scoreChange", r -> r.scoreChange().isPresent()
                ? new Num(r.scoreChange().getAsDouble(), NumFormat.POINTS, true).text() : "—", 90);
        for (Rate rate : new Rate[] {Rate.ACCEPTED_ON_TIME, Rate.RESOLVED_ON_TIME, Rate.SATISFACTION}) {
            TableColumn<RankingRow, String> c = new TableColumn<>(rate.zhName());
            c.setCellValueFactory(f -> new ReadOnlyStringWrapper(shown(f.getValue().sheet().rate(rate), NumFormat.SHARE)));
            c.setPrefWidth(100);
            rankingTable.getColumns().add(c);
        }
        column("ranking.col.received", r -> Long.toString(r.sheet().count(org.griddesk.domain.assessment.Measure.RECEIVED)), 80);
        column("ranking.col.deducted", r -> Num.points(r.score().deducted()).text(), 80);
    }

    private void column(String key, Function<RankingRow, String> value, double width) {
        TableColumn<RankingRow, String> c = new TableColumn<>(words.get(key));
        c.setId(key.substring(key.lastIndexOf('.') + 1) + "Column");
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        rankingTable.getColumns().add(c);
    }

    private static String shown(OptionalDouble v, NumFormat format) {
        return v.isPresent() ? new Num(v.getAsDouble(), format, false).text() : "—";
    }

    /// a rank's change: ↑ up, ↓ down, 0 unchanged; "—" only when there is nothing to compare with (as in the bulletin)
    static String change(OptionalInt up) {
        return up.isEmpty() ? "—" : up.getAsInt() > 0 ? "↑" + up.getAsInt() : up.getAsInt() < 0 ? "↓" + -up.getAsInt() : "0";
    }

    /// the picked row's lines, each value a link to its tickets
    private void explain() {
        explanationLines.getChildren().clear();
        RankingRow row = model.pickedProperty().get();
        explanationTitle.setText(row == null ? words.get("ranking.pickRow")
                : words.get("ranking.explain", row.unitName(), shown(row.score().total(), NumFormat.POINTS)));
        int i = 0;
        for (ScoreLine line : model.explanation()) {
            Hyperlink link = new Hyperlink(line.value());
            link.setId("drill-" + i);
            link.setOnAction(e -> lists.open(root.getScene().getWindow(), model.drillTitle(line), line.tickets(), words.language()));
            explanationLines.addRow(i++, new Label(line.label()), link);
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(words.get("ranking.makeBulletin"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF", "*.pdf"),
                new FileChooser.ExtensionFilter("Excel (XLSX)", "*.xlsx"));
        chooser.setInitialFileName("考评专报-" + model.monthProperty().get() + ".pdf");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.makeBulletin(file.toPath());
        }
    }
}
