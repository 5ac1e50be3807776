package org.griddesk.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.map.ColourMode;
import org.griddesk.map.GridFacts;
import org.griddesk.map.MapModel;
import org.griddesk.map.MapView;
import org.griddesk.map.TicketMarker;
import org.griddesk.map.Viewport;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The benchmark's map scene held still at one view, for looking at it (screenshots):
/// args: width, height, zoom steps in from the whole district, colour mode.
public final class MapStill extends Application {
    private static String[] arguments;

    public static final class Main {
        public static void main(String[] args) {
            arguments = args;
            Application.launch(MapStill.class);
        }
    }

    @Override
    public void start(Stage stage) {
        double width = Double.parseDouble(arguments[0]);
        double height = Double.parseDouble(arguments[1]);
        DemoDistrictData data = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        List<TicketMarker> markers = MapTour.markers(data.map().grids()).subList(0, 1500);
        Map<String, GridFacts> facts = new HashMap<>();
        markers.forEach(m -> facts.merge(m.gridCode(), new GridFacts("", 0, 0, 0, 0, 0, 1, 0),
                (a, b) -> new GridFacts("", 0, 0, 0, 0, 0, a.openTickets() + b.openTickets(), 0)));
        MapModel model = MapModel.of(data.map(), facts, data.cameras(), markers);
        MapView map = new MapView(Messages.of(Language.ZH_CN), "Noto Sans CJK SC");
        map.modelProperty().set(model);
        map.colourModeProperty().set(ColourMode.valueOf(arguments[3]));
        Viewport home = Viewport.fitting(model.lonLatBox(), width, height, 24);
        Scene scene = new Scene(map, width, height);
        scene.getStylesheets().add(MapStill.class.getResource("/css/griddesk.css").toExternalForm());
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.setTitle("GridDesk map");
        stage.show();
        // after the first layout (which fits the district): the view asked for
        PauseTransition later = new PauseTransition(Duration.seconds(1));
        later.setOnFinished(e -> map.viewportProperty().set(
                home.zoomedAbout(Double.parseDouble(arguments[2]), width * 0.47, height * 0.5)));
        later.play();
    }
}
