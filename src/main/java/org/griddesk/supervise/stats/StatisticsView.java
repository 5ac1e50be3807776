package org.griddesk.supervise.stats;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.griddesk.ui.IsoDates;
import org.griddesk.ui.Windows;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.PeriodKind;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.supervise.drill.TicketListWindow;
import org.griddesk.supervise.drill.TicketLists;
import org.griddesk.ui.ChineseFonts;
import org.griddesk.ui.Language;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.ShownAs;

/// The statistics window: binds [StatisticsViewModel] to `fxml/supervise/statistics.fxml`, builds
/// the table's columns (one per [Figure]) and the map, and opens a drill-down for every figure
/// clicked ([StatisticsCharts] draws the charts).
public final class StatisticsView {
    static final String FXML = "/fxml/supervise/statistics.fxml";
    static final String CSS = "/fxml/supervise/statistics.css";
    static final String LARGE = "stats-large";

    private final StatisticsViewModel model;
    private final Messages words;
    private final Messages desk;
    private final Consumer<StatisticsViewModel.Drill> drill;

    @FXML
    private Parent root;
    @FXML
    private ComboBox<PeriodKind> periodKind;
    @FXML
    private DatePicker day;
    @FXML
    private Label toLabel;
    @FXML
    private DatePicker lastDay;
    @FXML
    private ComboBox<UnitDimension> dimension;
    @FXML
    private ComboBox<Channel> channel;
    @FXML
    private ComboBox<Category> category;
    @FXML
    private Button refresh;
    @FXML
    private ToggleButton largeType;
    @FXML
    private Label summary;
    @FXML
    private Label message;
    @FXML
    private javafx.scene.control.TabPane tabs;
    @FXML
    private TableView<KpiSheet> table;
    @FXML
    private HBox spans;
    @FXML
    private StackedBarChart<String, Number> intakeChart;
    @FXML
    private LineChart<String, Number> rateChart;
    @FXML
    private BarChart<Number, String> categoryChart;
    @FXML
    private ComboBox<Rate> townRate;
    @FXML
    private BarChart<String, Number> townChart;
    @FXML
    private ComboBox<Figure> mapFigure;
    @FXML
    private ComboBox<UnitDimension> mapLevel;
    @FXML
    private StackPane mapPane;

    /// `drill` opens the list of a figure's tickets
    StatisticsView(StatisticsViewModel model, Language language, MapModel map, Consumer<StatisticsViewModel.Drill> drill) {
        this.model = model;
        this.words = Messages.of(language, TicketListWindow.BUNDLE);
        this.desk = Messages.of(language);
        this.drill = drill;
        Fxml.load(this, FXML, words.bundle());
        bindFilters();
        buildTable();
        new StatisticsCharts(model, words, desk, drill).bind(intakeChart, rateChart, categoryChart, townChart, townRate, spans);
        bindMap(map);
        bindStatus();
        StatisticsViewModel.Section[] sections = StatisticsViewModel.Section.values();
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> model.showing(sections[i.intValue()]));
    }

    /// Opens the view in a window of its own and computes the last whole month.
    public static Stage open(Window owner, StatisticsViewModel model, MapModel map, TicketLists lists, Language language) {
        Stage[] stage = new Stage[1];
        StatisticsView view = new StatisticsView(model, language, map,
                d -> lists.open(stage[0], d.title(), d.ids(), language));
        stage[0] = new Stage();
        if (owner != null) {
            stage[0].initOwner(owner);
        }
        stage[0].setTitle(view.words.get("stats.windowTitle"));
        Scene scene = Windows.fit(stage[0], view.root, 1600, 960);
        SceneStyle.apply(scene);
        scene.getStylesheets().add(StatisticsView.class.getResource(CSS).toExternalForm());
        stage[0].show();
        model.refresh();
        return stage[0];
    }

    private void bindFilters() {
        periodKind.setItems(FXCollections.observableArrayList(PeriodKind.values()));
        periodKind.setConverter(text(k -> words.get("periodKind." + k.name())));
        periodKind.valueProperty().bindBidirectional(model.periodKindProperty());
        day.setConverter(IsoDates.converter(day::getValue));
        lastDay.setConverter(IsoDates.converter(lastDay::getValue));
        day.valueProperty().bindBidirectional(model.dayProperty());
        lastDay.valueProperty().bindBidirectional(model.lastDayProperty());
        var custom = model.periodKindProperty().isEqualTo(PeriodKind.CUSTOM);
        lastDay.visibleProperty().bind(custom);
        lastDay.managedProperty().bind(custom);
        toLabel.visibleProperty().bind(custom);
        toLabel.managedProperty().bind(custom);
        dimension.setItems(FXCollections.observableArrayList(UnitDimension.values()));
        dimension.setConverter(text(d -> words.get("dimension." + d.name())));
        dimension.valueProperty().bindBidirectional(model.dimensionProperty());
        channel.setItems(FXCollections.observableArrayList(Channel.values()));
        channel.getItems().addFirst(null);
        channel.setConverter(text(c -> c == null ? words.get("stats.allChannels") : desk.get("channel." + c.name())));
        channel.valueProperty().bindBidirectional(model.channelProperty());
        category.setConverter(text(c -> c == null ? words.get("stats.allCategories") : c.name()));
        model.categories().addListener((javafx.collections.ListChangeListener<Category>) c -> {
            Category chosen = category.getValue();
            category.getItems().setAll(model.categories());
            category.getItems().addFirst(null);
            category.setValue(chosen);
        });
        category.getItems().add(null);
        category.valueProperty().bindBidirectional(model.categoryProperty());
        refresh.setOnAction(e -> model.refresh());
        largeType.selectedProperty().bindBidirectional(model.largeTypeProperty());
        model.largeTypeProperty().addListener((obs, was, large) -> {
            if (large) {
                root.getStyleClass().add(LARGE);
            } else {
                root.getStyleClass().remove(LARGE);
            }
        });
    }

    private void buildTable() {
        TableColumn<KpiSheet, String> unit = new TableColumn<>(words.get("stats.unit"));
        unit.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().unitName()));
        unit.setPrefWidth(220);
        table.getColumns().add(unit);
        for (Figure figure : Figure.all()) {
            TableColumn<KpiSheet, KpiSheet> column = new TableColumn<>(words.get(figure.key()));
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            column.setCellFactory(c -> new FigureCell(figure));
            column.setPrefWidth(figure.isRate() ? 108 : 92);
            column.getStyleClass().add(figure.isRate() ? "stats-rate-column" : "stats-count-column");
            table.getColumns().add(column);
        }
        table.setItems(model.sheets());
        Label none = new Label();
        none.textProperty().bind(javafx.beans.binding.Bindings.when(model.busyProperty())
                .then(words.get("stats.busy")).otherwise(words.get("stats.noUnits")));
        table.setPlaceholder(none);
    }

    /// One figure of one unit: clicked, it lists the tickets behind it.
    private final class FigureCell extends TableCell<KpiSheet, KpiSheet> {
        private final Figure figure;

        FigureCell(Figure figure) {
            this.figure = figure;
            getStyleClass().add("stats-figure");
            setOnMouseClicked(e -> {
                KpiSheet sheet = getItem();
                if (sheet != null && !isEmpty()) {
                    drill.accept(model.drill(sheet, figure));
                }
            });
        }

        @Override
        protected void updateItem(KpiSheet sheet, boolean empty) {
            super.updateItem(sheet, empty);
            if (empty || sheet == null) {
                setText(null);
                setId(null);
                return;
            }
            setText(FigureText.of(figure, sheet, words));
            // tests and screen readers find a figure by its unit and name
            setId("fig-" + sheet.unitId() + "-" + (figure.isRate() ? "R-" + figure.rate().name()
                    : figure.kind() == Figure.Kind.HOURS ? "H" : "M-" + figure.measure().name()));
        }
    }

    private void bindMap(MapModel map) {
        MapView view = new MapView(desk, ChineseFonts.choose(new java.util.HashSet<>(javafx.scene.text.Font.getFamilies()))
                .orElse("SansSerif"));
        view.setId("statsMapView");
        if (map != null) {
            view.modelProperty().set(map.withoutMarkers());
        }
        view.choroplethProperty().bind(model.choroplethProperty());
        mapPane.getChildren().add(view);
        mapFigure.setItems(FXCollections.observableArrayList(Figure.all()));
        mapFigure.setConverter(text(f -> words.get(f.key())));
        mapFigure.valueProperty().bindBidirectional(model.mapFigureProperty());
        mapLevel.setItems(FXCollections.observableArrayList(UnitDimension.COMMUNITY, UnitDimension.GRID));
        mapLevel.setConverter(text(d -> words.get("dimension." + d.name())));
        mapLevel.valueProperty().bindBidirectional(model.mapLevelProperty());
        mapLevel.valueProperty().addListener((obs, old, now) -> model.refreshMap());
        view.selectedGridProperty().addListener((obs, old, grid) -> {
            if (grid != null) {
                String code = model.mapLevelProperty().get() == UnitDimension.COMMUNITY ? grid.parentCode() : grid.code();
                model.place(code).ifPresent(place -> drill.accept(model.drill(place, model.mapFigureProperty().get())));
            }
        });
    }

    private void bindStatus() {
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(model.messageProperty().isNotEmpty());
        Runnable show = () -> {
            KpiSheet whole = model.districtProperty().get();
            var period = model.shownPeriodProperty().get();
            if (model.busyProperty().get()) {
                summary.setText(words.get("stats.busy"));
            } else if (whole != null && period != null) {
                summary.setText(words.get("stats.shown", period.label(), period.first(), period.last(), whole.count(Measure.RECEIVED),
                        FigureText.of(Figure.of(Rate.RESOLVED_ON_TIME), whole, words), FigureText.of(Figure.of(Rate.SATISFACTION), whole, words)));
            }
        };
        model.busyProperty().addListener((obs, old, now) -> show.run());
        model.districtProperty().addListener((obs, old, now) -> show.run());
        show.run();
    }

    static <T> StringConverter<T> text(Function<T, String> text) {
        return ShownAs.text(text);
    }

    Parent root() {
        return root;
    }
}
