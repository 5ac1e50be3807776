package org.griddesk.supervise.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.ui.Messages;

/// The statistics view's charts: intake by channel and the two rates over 30/90/365 days, the top
/// categories and a rate by town. Every point and bar lists its tickets when clicked.
final class StatisticsCharts {
    private final StatisticsViewModel model;
    private final Messages words;
    private final Messages desk;
    private final Consumer<StatisticsViewModel.Drill> drill;

    StatisticsCharts(StatisticsViewModel model, Messages words, Messages desk, Consumer<StatisticsViewModel.Drill> drill) {
        this.model = model;
        this.words = words;
        this.desk = desk;
        this.drill = drill;
    }

    void bind(StackedBarChart<String, Number> intake, LineChart<String, Number> rates, BarChart<Number, String> categories,
              BarChart<String, Number> towns, ComboBox<Rate> townRate, HBox spans) {
        ToggleGroup group = new ToggleGroup();
        for (int days : Trend.SPANS) {
            ToggleButton b = new ToggleButton(words.get("stats.trendDays", days));
            b.setId("statsSpan" + days);
            b.setToggleGroup(group);
            b.setSelected(days == model.trendDaysProperty().get());
            b.setOnAction(e -> {
                b.setSelected(true);
                model.trendDaysProperty().set(days);
                model.refreshTrend();
            });
            spans.getChildren().add(b);
        }
        rates.setTitle(words.get("stats.trend.rates"));
        model.trendProperty().addListener((obs, old, trend) -> showTrend(trend, intake, rates));
        categories.setTitle(words.get("stats.top"));
        model.topCategories().addListener((ListChangeListener<StatisticsViewModel.CategoryCount>) c -> showCategories(categories));
        townRate.setItems(FXCollections.observableArrayList(Rate.values()));
        townRate.setConverter(StatisticsView.text(r -> words.get("rate." + r.name())));
        townRate.valueProperty().bindBidirectional(model.townRateProperty());
        townRate.valueProperty().addListener((obs, old, now) -> showTowns(towns));
        model.towns().addListener((ListChangeListener<KpiSheet>) c -> showTowns(towns));
    }

    private void showTrend(Trend trend, StackedBarChart<String, Number> intake, LineChart<String, Number> rates) {
        if (trend == null) {
            intake.getData().clear();
            rates.getData().clear();
            intake.setTitle(words.get("stats.busy"));
            return;
        }
        // both charts show every bucket, in order, even where a rate has nothing to rate
        List<String> labels = trend.buckets().stream().map(Trend.Bucket::label).toList();
        for (XYChart<String, Number> chart : List.<XYChart<String, Number>>of(intake, rates)) {
            CategoryAxis axis = (CategoryAxis) chart.getXAxis();
            chart.getData().clear();
            axis.setAutoRanging(false);
            axis.setCategories(FXCollections.observableArrayList(labels)); // each axis its own list
        }
        intake.setTitle(words.get(model.trendDaysProperty().get() <= 31 ? "stats.trend.intake" : "stats.trend.intakeBucket"));
        List<XYChart.Series<String, Number>> byChannel = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (trend.buckets().stream().noneMatch(b -> b.intake().containsKey(channel))) {
                continue; // narrowed to another channel
            }
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(desk.get("channel." + channel.name()));
            for (Trend.Bucket b : trend.buckets()) {
                long n = b.intake(channel);
                KpiSheet unit = new KpiSheet(UnitDimension.DISTRICT, b.sheet().unitId(), b.sheet().unitName(), Map.of(Measure.RECEIVED, n));
                KpiFilter filter = new KpiFilter(java.util.Optional.of(channel), model.filter().categoryCode());
                series.getData().add(clickable(new XYChart.Data<>(b.label(), n),
                        () -> model.drill(unit, Figure.of(Measure.RECEIVED), b.period(), filter)));
            }
            byChannel.add(series);
        }
        intake.getData().setAll(byChannel);
        List<XYChart.Series<String, Number>> shares = new ArrayList<>();
        for (Rate rate : List.of(Rate.RESOLVED_ON_TIME, Rate.SATISFACTION)) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(words.get("rate." + rate.name()));
            for (Trend.Bucket b : trend.buckets()) {
                var r = b.sheet().rate(rate);
                if (r.isPresent()) {
                    series.getData().add(clickable(new XYChart.Data<>(b.label(), Math.round(r.getAsDouble() * 1000) / 10.0),
                            () -> model.drill(b.sheet(), Figure.of(rate), b.period(), model.filter())));
                }
            }
            shares.add(series);
        }
        rates.getData().setAll(shares);
    }

    private void showCategories(BarChart<Number, String> chart) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // the largest on top: a horizontal bar chart lists its categories bottom up
        for (StatisticsViewModel.CategoryCount c : model.topCategories().reversed()) {
            series.getData().add(clickable(new XYChart.Data<>(c.received(), c.category().name()), () -> model.drill(c)));
        }
        chart.getData().setAll(List.of(series));
    }

    private void showTowns(BarChart<String, Number> chart) {
        Rate rate = model.townRateProperty().get();
        chart.setTitle(words.get("stats.towns", words.get("rate." + rate.name())));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (KpiSheet town : model.towns()) {
            double share = town.rate(rate).orElse(0);
            XYChart.Data<String, Number> bar = new XYChart.Data<>(FigureText.shortName(town.unitName()), Math.round(share * 1000) / 10.0);
            series.getData().add(clickable(bar, () -> model.drill(town, Figure.of(rate))));
        }
        chart.getData().setAll(List.of(series));
    }

    /// The point or bar lists its tickets when clicked, and says its value when hovered.
    private <X, Y> XYChart.Data<X, Y> clickable(XYChart.Data<X, Y> data, java.util.function.Supplier<StatisticsViewModel.Drill> what) {
        data.nodeProperty().addListener((obs, old, node) -> arm(node, data, what));
        arm(data.getNode(), data, what);
        return data;
    }

    private <X, Y> void arm(Node node, XYChart.Data<X, Y> data, java.util.function.Supplier<StatisticsViewModel.Drill> what) {
        if (node == null) {
            return;
        }
        node.getStyleClass().add("stats-clickable");
        Tooltip.install(node, new Tooltip(data.getXValue() + " · " + data.getYValue()));
        node.setOnMouseClicked(e -> drill.accept(what.get()));
    }
}
