package org.griddesk.supervise.digest;

import java.io.File;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import org.griddesk.ui.IsoDates;
import org.griddesk.domain.digest.HotSpot;
import org.griddesk.domain.digest.HotlineDigest;
import org.griddesk.domain.digest.MassIncident;
import org.griddesk.domain.digest.RepeatCaller;
import org.griddesk.domain.digest.Spike;
import org.griddesk.domain.digest.TicketRef;
import org.griddesk.domain.digest.Topic;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;

/// Binds [DigestViewModel] to the controls of `fxml/supervise/hotline-digest.fxml`: a line picked
/// in any table lists the tickets behind it, a ticket double-clicked opens in the desk.
public final class DigestView {
    static final String FXML = "/fxml/supervise/hotline-digest.fxml";
    static final String CSS = "/fxml/supervise/hotline-digest.css";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final DigestViewModel model;
    private final LongConsumer openTicket;

    @FXML
    private Parent root;
    @FXML
    private DatePicker day;
    @FXML
    private Button make;
    @FXML
    private Button export;
    @FXML
    private Label message;
    @FXML
    private TableView<Spike> categories;
    @FXML
    private TableView<Spike> items;
    @FXML
    private TableView<Spike> terms;
    @FXML
    private TableView<HotSpot> spots;
    @FXML
    private TableView<RepeatCaller> callers;
    @FXML
    private TableView<MassIncident> incidents;
    @FXML
    private TableView<TicketRef> tickets;

    public DigestView(DigestViewModel model, LongConsumer openTicket) {
        this.model = model;
        this.openTicket = openTicket;
        Fxml.load(this, FXML, model.words().bundle());
        bind();
    }

    public Parent root() {
        return root;
    }

    @FXML
    void make() {
        model.make();
    }

    @FXML
    void export() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("hotline-digest-" + model.dayProperty().get() + ".csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }

    private void bind() {
        root.getStylesheets().add(DigestView.class.getResource(CSS).toExternalForm());
        Messages w = model.words();
        day.setConverter(IsoDates.converter(model.dayProperty()::get)); // not a day: the day shown stays
        day.valueProperty().bindBidirectional(model.dayProperty());
        for (TableView<?> table : List.of(categories, items, terms, spots, callers, incidents, tickets)) {
            table.setPlaceholder(new Label(w.get(table == tickets ? "digest.pickLine" : "digest.none")));
        }
        make.disableProperty().bind(model.busyProperty());
        export.disableProperty().bind(model.busyProperty());
        message.textProperty().bind(model.messageProperty());
        for (TableView<Spike> table : List.of(categories, items, terms)) {
            spikeColumns(table, w);
        }
        column(spots, w.get("digest.col.name"), s -> s.community().name(), 100);
        column(spots, w.get("digest.col.of"), HotSpot::areaName, 80);
        column(spots, w.get("digest.col.today"), s -> s.community().today(), 50);
        column(spots, w.get("digest.col.baseline"), s -> decimal(s.community().baselineMean()), 84);
        column(spots, w.get("digest.col.ratio"), s -> decimal(s.community().ratio()), 50);
        column(spots, w.get("digest.col.grids"), s -> s.grids().stream().limit(4).map(g -> g.gridName() + " " + g.today())
                .collect(Collectors.joining("、")), 260);
        column(callers, w.get("digest.col.phone"), RepeatCaller::maskedPhone, 120);
        column(callers, w.get("digest.col.today"), RepeatCaller::today, 60);
        column(callers, w.get("digest.col.week"), RepeatCaller::lastSevenDays, 80);
        column(incidents, w.get("digest.col.place"), MassIncident::placeName, 140);
        column(incidents, w.get("digest.col.subject"), MassIncident::subjectName, 120);
        column(incidents, w.get("digest.col.window"), m -> TIME.format(m.from()) + "–" + TIME.format(m.to()).substring(6), 110);
        column(incidents, w.get("digest.col.callers"), MassIncident::callers, 70);
        column(tickets, w.get("digest.col.code"), TicketRef::code, 90);
        column(tickets, w.get("digest.col.time"), t -> TIME.format(t.reportedAt()), 90);
        column(tickets, w.get("digest.col.summary"), TicketRef::summary, 340);
        tickets.setItems(model.tickets());
        tickets.setRowFactory(t -> {
            TableRow<TicketRef> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    openTicket.accept(row.getItem().id());
                }
            });
            return row;
        });
        onPick(categories, s -> model.showTicketsOf(Topic.CATEGORY, s.key()));
        onPick(items, s -> model.showTicketsOf(Topic.ITEM, s.key()));
        onPick(terms, s -> model.showTicketsOf(Topic.TERM, s.key()));
        onPick(spots, s -> model.showTicketsOf(Topic.COMMUNITY, s.community().key()));
        onPick(callers, c -> model.showTickets(c.tickets()));
        onPick(incidents, m -> model.showTickets(m.tickets()));
        model.digestProperty().addListener((obs, old, d) -> show(d));
    }

    private void show(HotlineDigest d) {
        categories.setItems(FXCollections.observableArrayList(d.categories()));
        items.setItems(FXCollections.observableArrayList(d.items()));
        terms.setItems(FXCollections.observableArrayList(d.terms()));
        spots.setItems(FXCollections.observableArrayList(d.spots()));
        callers.setItems(FXCollections.observableArrayList(d.callers()));
        incidents.setItems(FXCollections.observableArrayList(d.incidents()));
    }

    private static void spikeColumns(TableView<Spike> table, Messages w) {
        column(table, w.get("digest.col.name"), Spike::name, 150);
        column(table, w.get("digest.col.today"), Spike::today, 50);
        column(table, w.get("digest.col.baseline"), s -> decimal(s.baselineMean()), 70);
        column(table, w.get("digest.col.expected"), s -> decimal(s.expected()), 60);
        column(table, w.get("digest.col.ratio"), s -> decimal(s.ratio()), 50);
        column(table, w.get("digest.col.p"), s -> String.format(Locale.ROOT, "%.1e", s.pValue()), 70);
    }

    private static <T> void column(TableView<T> table, String title, Function<T, Object> value, double width) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static <T> void onPick(TableView<T> table, Consumer<T> picked) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                picked.accept(now);
            }
        });
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
