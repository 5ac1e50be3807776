package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.geo.Region;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.PatrolTrack;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/// The patrol mode draws today's tracks in their colour and fills the patrolled grids by coverage;
/// other modes draw no tracks; a silence of more than five minutes breaks the line.
class PatrolLayerTest {
    private static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");

    @Test
    void thePatrolModeDrawsTheTrackAndColoursTheGridByItsCoverage() {
        var data = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        Region grid = data.map().grids().get(40);
        Point inside = grid.mainPart().getInteriorPoint();
        List<PatrolPoint> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // a straight walk east, 4 m a step
            points.add(new PatrolPoint(T0.plusSeconds(5L * i), inside.getX() - 0.001 + i * 0.00005, inside.getY() + 0.0004, 5)); // clear of the label
        }
        PatrolLayer layer = PatrolLayer.of(List.of(new PatrolTrack("a", grid.code(), points)), Map.of(grid.code(), 0.7), "2026-12-04");
        MapModel model = MapModel.of(data.map(), Map.of()).withPatrols(layer);
        Viewport view = Viewport.fitting(grid.shape().getEnvelopeInternal(), 400, 400, 20);

        MapRaster.Raster patrols = new MapRaster("SansSerif").render(new MapRaster.Request(model, view, ColourMode.PATROLS, null,
                MapStyle.DARK, false, MapView.NO_TICKET, 1, false));
        MapRaster.Raster load = new MapRaster("SansSerif").render(new MapRaster.Request(model, view, ColourMode.LOAD, null,
                MapStyle.DARK, false, MapView.NO_TICKET, 1, false));

        double x = WebMercator.x(points.get(10).lon());
        double y = WebMercator.y(points.get(10).lat());
        int onTrack = pixel(patrols, x, y);
        assertThat(onTrack & 0xFF).as("blue of the track").isGreaterThan(150);
        assertThat((onTrack >> 16) & 0xFF).as("little red").isLessThan(60);
        assertThat(pixel(load, x, y)).as("no track in the load mode").isNotEqualTo(onTrack);
        assertThat(model.patrols().coverage(grid.code())).isEqualTo(0.7);
        assertThat(ColourMode.PATROLS.valueOf(model, grid.code())).isEqualTo(0.7);
        assertThat(ColourMode.PATROLS.colourOf(0.7)).isEqualTo(ColourMode.PATROLS.classes().getLast().colour());
        assertThat(ColourMode.PATROLS.colourOf(0).getOpacity()).as("not patrolled: uncoloured").isZero();
    }

    @Test
    void aSilenceOfMoreThanFiveMinutesBreaksTheLine() {
        List<PatrolPoint> points = List.of(new PatrolPoint(T0, 117.3, 38.9, 5), new PatrolPoint(T0.plusSeconds(60), 117.301, 38.9, 5),
                new PatrolPoint(T0.plusSeconds(60 + 301), 117.302, 38.9, 5));
        PatrolLayer layer = PatrolLayer.of(List.of(new PatrolTrack("a", "G", points)), Map.of(), "d");

        assertThat(layer.lines()).extracting(l -> l.x().length).containsExactly(2, 1);
        assertThat(layer.points()).isEqualTo(3);
    }

    private static int pixel(MapRaster.Raster r, double worldX, double worldY) {
        int x = (int) Math.round(r.view().screenX(worldX));
        int y = (int) Math.round(r.view().screenY(worldY));
        return r.pixels()[y * r.width() + x];
    }
}
