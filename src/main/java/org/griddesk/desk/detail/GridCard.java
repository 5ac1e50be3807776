package org.griddesk.desk.detail;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.griddesk.geo.Region;
import org.griddesk.map.GridFacts;
import org.griddesk.map.MapModel;
import org.griddesk.ui.Messages;

/// The card of the grid selected on the map, in the detail pane: where it is, who works it, who
/// lives there, and how its work stands.
public final class GridCard extends VBox {
    public GridCard(Messages messages, MapModel model, Region grid) {
        getStyleClass().add("grid-card");
        GridFacts facts = model.facts(grid.code());
        String community = model.region(grid.parentCode()).map(Region::name).orElse("");
        String area = model.region(grid.parentCode()).flatMap(c -> model.region(c.parentCode())).map(Region::name).orElse("");
        Label title = new Label(grid.name());
        title.getStyleClass().add("grid-card-title");
        Label code = new Label(grid.code());
        code.getStyleClass().add("grid-card-code");
        GridPane rows = new GridPane();
        rows.getStyleClass().add("grid-card-rows");
        String[][] lines = {
            {messages.get("grid.card.place"), area + " · " + community},
            {messages.get("grid.card.worker"), facts.workerName()},
            {messages.get("grid.card.people"), messages.get("grid.card.peopleValue", facts.households(), facts.residents())},
            {messages.get("grid.card.tickets"), messages.get("grid.card.ticketsValue", facts.openTickets(), facts.overdueTickets())},
            {messages.get("grid.card.cameras"), String.valueOf(facts.cameras())},
            {messages.get("grid.card.visits"), messages.get("grid.card.visitsValue", facts.visitsDue(), facts.visitsMade(),
                    Math.round(facts.visitCoverage() * 100))},
        };
        for (int i = 0; i < lines.length; i++) {
            Label key = new Label(lines[i][0]);
            key.getStyleClass().add("grid-card-key");
            Label value = new Label(lines[i][1]);
            value.getStyleClass().add("grid-card-value");
            value.setWrapText(true);
            rows.addRow(i, key, value);
        }
        getChildren().addAll(title, code, rows);
    }
}
