package org.griddesk.map;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.griddesk.ui.Messages;

/// The legend, always on the map: buttons to switch the colour mode, and what each colour means
/// in the mode shown (the areas' names, or the classes of the value).
final class MapLegend extends VBox {
    private static final int AREA_COLUMNS = 2;

    private final ObjectProperty<ColourMode> mode;
    private final ObjectProperty<Choropleth> figure;
    private final HBox modes = new HBox();
    private final ToggleGroup group = new ToggleGroup();
    private final Label title = new Label();
    private final GridPane entries = new GridPane();
    private final Label ticketsTitle = new Label();
    private final HBox tickets = new HBox();
    private final CheckBox cameras = new CheckBox();
    private Messages messages;
    private MapModel model;

    MapLegend(Messages messages, ObjectProperty<ColourMode> mode, BooleanProperty allCameras, ObjectProperty<Choropleth> figure) {
        this.messages = messages;
        this.mode = mode;
        this.figure = figure;
        figure.addListener((obs, old, now) -> refresh());
        getStyleClass().add("map-legend");
        modes.getStyleClass().add("map-legend-modes");
        title.getStyleClass().add("map-legend-title");
        entries.getStyleClass().add("map-legend-entries");
        for (ColourMode m : ColourMode.values()) {
            ToggleButton b = new ToggleButton();
            b.setUserData(m);
            b.setToggleGroup(group);
            b.setFocusTraversable(false);
            b.getStyleClass().add("map-legend-mode");
            modes.getChildren().add(b);
        }
        group.selectToggle(group.getToggles().get(mode.get().ordinal()));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old); // one mode is always on
            } else {
                mode.set((ColourMode) now.getUserData());
            }
        });
        mode.addListener((obs, old, now) -> {
            group.selectToggle(group.getToggles().get(now.ordinal()));
            refresh();
        });
        ticketsTitle.getStyleClass().add("map-legend-title");
        tickets.getStyleClass().add("map-legend-tickets");
        cameras.getStyleClass().add("map-legend-cameras");
        cameras.setFocusTraversable(false);
        cameras.selectedProperty().bindBidirectional(allCameras);
        getChildren().addAll(modes, title, entries, ticketsTitle, tickets, cameras);
        refresh();
    }

    void useMessages(Messages newMessages) {
        messages = newMessages;
        refresh();
    }

    void setModel(MapModel newModel) {
        model = newModel;
        refresh();
    }

    private void refresh() {
        for (var toggle : group.getToggles()) {
            ToggleButton b = (ToggleButton) toggle;
            b.setText(messages.get(((ColourMode) b.getUserData()).messageKey()));
        }
        ticketsTitle.setText(messages.get("map.legend.tickets"));
        tickets.getChildren().clear();
        for (var u : TicketMarker.Urgency.values()) {
            tickets.getChildren().add(entry(MapRaster.URGENCY_COLOURS.get(u),
                    messages.get("map.urgency." + u.name().toLowerCase(Locale.ROOT))));
        }
        cameras.setText(messages.get("map.legend.cameras"));
        ColourMode current = mode.get();
        Choropleth shown = figure.get();
        // a figure replaces the modes: its own title and classes, nothing of the open work it does not show
        for (var part : java.util.List.of(modes, ticketsTitle, tickets, cameras)) {
            part.setVisible(shown == null);
            part.setManaged(shown == null);
        }
        title.setText(shown != null ? shown.title() : messages.get(current.messageKey() + ".legend"));
        entries.getChildren().clear();
        if (shown != null) {
            legendClasses(shown.classes());
        } else if (current == ColourMode.AREA) {
            if (model != null) {
                var areas = model.areas();
                for (int i = 0; i < areas.size(); i++) {
                    entries.add(entry(ColourMode.areaColour(i), areas.get(i).region().name()), i % AREA_COLUMNS, i / AREA_COLUMNS);
                }
            }
        } else {
            legendClasses(current.classes());
        }
    }

    private void legendClasses(java.util.List<ColourMode.LegendClass> classes) {
        for (int i = 0; i < classes.size(); i++) {
            entries.add(entry(classes.get(i).colour(), classes.get(i).label()), i, 0);
        }
    }

    private static HBox entry(Color colour, String text) {
        Rectangle swatch = new Rectangle(14, 14, colour);
        swatch.getStyleClass().add("map-legend-swatch");
        Label label = new Label(text);
        HBox box = new HBox(6, swatch, label);
        box.getStyleClass().add("map-legend-entry");
        return box;
    }
}
