package org.griddesk.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/// Places a screen's window: as large as asked but never larger than the screen, and in the middle of
/// the screen rather than of its owner (an owner near an edge would push a centred window off it).
public final class Windows {
    private Windows() {
    }

    /// Gives `stage` a scene of `root` at most `width` × `height` and puts it in the middle of the primary screen.
    public static Scene fit(Stage stage, Parent root, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        Scene scene = new Scene(root, w, h);
        stage.setScene(scene);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        return scene;
    }

    /// A card opened over the desk (a grid's special groups, its worker's day): `root` in `stage`
    /// titled `title`, owned by `owner` and styled as it is (when there is one), closed by Esc.
    public static void card(Stage stage, Parent root, Window owner, String title) {
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(title);
    }
}
