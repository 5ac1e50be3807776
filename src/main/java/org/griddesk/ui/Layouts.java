package org.griddesk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// Small layouts the desk's panes share.
public final class Layouts {
    private Layouts() {
    }

    /// A row with `left` at the start and `right` pushed to the end: a name and its value, a line
    /// and its buttons.
    public static HBox spread(double spacing, Pos alignment, Node left, Node... right) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(spacing, left, gap);
        row.getChildren().addAll(right);
        row.setAlignment(alignment);
        return row;
    }
}
