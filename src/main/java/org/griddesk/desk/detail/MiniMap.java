package org.griddesk.desk.detail;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import org.griddesk.geo.Region;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.map.Viewport;
import org.griddesk.ui.Messages;
import org.locationtech.jts.geom.Envelope;

/// The detail pane's small map: the ticket's grid and its neighbours, the grid selected and the
/// ticket's marker highlighted. Drawn by the same map control, without its legend and search box.
public final class MiniMap {
    static final double HEIGHT = 190;
    /// how much of the surroundings shows around the grid (its size this many times over)
    static final double SURROUNDINGS = 2.5;

    private MiniMap() {
    }

    public static Optional<Node> of(MapModel model, String gridCode, long ticketId, Messages messages, String fontFamily, boolean dark) {
        if (model == null || gridCode == null) {
            return Optional.empty();
        }
        Optional<Region> grid = model.region(gridCode);
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        MapView map = new MapView(messages, fontFamily);
        map.setId("detailMiniMap");
        map.getStyleClass().add("mini-map");
        map.setPrefHeight(HEIGHT);
        map.setMinHeight(HEIGHT);
        map.setMaxHeight(HEIGHT);
        map.useDarkColours(dark);
        map.modelProperty().set(model);
        map.selectedGridProperty().set(grid.get());
        map.selectedTicketProperty().set(ticketId);
        Envelope box = new Envelope(grid.get().shape().getEnvelopeInternal());
        box.expandBy(box.getWidth() * (SURROUNDINGS - 1) / 2, box.getHeight() * (SURROUNDINGS - 1) / 2);
        // once laid out (the control fits the whole district on its first layout), look at the grid
        map.widthProperty().addListener((obs, old, w) -> {
            if (w.doubleValue() > 0 && old.doubleValue() == 0) {
                Platform.runLater(() -> map.viewportProperty().set(
                        Viewport.fitting(box, map.getWidth(), map.getHeight(), 8)));
            }
        });
        for (String chrome : new String[] {".map-legend", ".map-search"}) {
            Node part = map.lookup(chrome);
            if (part != null) {
                part.setVisible(false);
                part.setManaged(false);
            }
        }
        return Optional.of(map);
    }
}
