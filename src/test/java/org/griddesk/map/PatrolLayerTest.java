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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/// The patrol mode draws today's tracks in their colour and fills the patrolled grids by coverage;
/// other modes draw no tracks; a silence of more than five minutes breaks the line; tracks out of
/// view are not drawn, and a zoom's simplified lines serve every view at that zoom.
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

        assertThat(layer.lines()).extracting(TrackLine::size).containsExactly(2, 1);
        assertThat(layer.points()).isEqualTo(3);
    }

    @Test
    void tracksOutOfViewAreLeftOutAndAPanSimplifiesNothingAgain() {
        PatrolLayer layer = PatrolLayer.of(List.of(walkFrom("a", 117.30), walkFrom("b", 117.45)), Map.of(), "d");
        Viewport west = Viewport.fitting(new Envelope(117.29, 117.31, 38.94, 38.96), 800, 600, 0);
        Viewport east = Viewport.fitting(new Envelope(117.44, 117.46, 38.94, 38.96), 800, 600, 0);
        Viewport eastAtWestsZoom = new Viewport(east.centreX(), east.centreY(), west.zoom(), 800, 600);

        List<TrackLine> inWest = layer.linesAt(west.scale(), west.visibleWorld());
        List<TrackLine> inEast = layer.linesAt(west.scale(), eastAtWestsZoom.visibleWorld());
        List<TrackLine> inWestAgain = layer.linesAt(west.scale(), west.visibleWorld());

        assertThat(inWest).singleElement().satisfies(l -> assertThat(l.box()).isEqualTo(layer.lines().getFirst().box()));
        assertThat(inEast).singleElement().satisfies(l -> assertThat(l.box()).isEqualTo(layer.lines().getLast().box()));
        assertThat(inWest.getFirst().size()).as("simplified for the zoom").isLessThan(layer.lines().getFirst().size());
        assertThat(inWestAgain.getFirst()).as("kept for the zoom").isSameAs(inWest.getFirst());
        assertThat(layer.linesAt(west.scale() * 64, west.visibleWorld()).getFirst()).as("another zoom, other lines")
                .isNotSameAs(inWest.getFirst());
    }

    @Test
    void theQuickRasterWhileMovingDrawsTheTrackWhereTheSharpOneDoes() {
        var data = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        Region grid = data.map().grids().get(40);
        Point inside = grid.mainPart().getInteriorPoint();
        List<PatrolPoint> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(new PatrolPoint(T0.plusSeconds(5L * i), inside.getX() - 0.001 + i * 0.00005, inside.getY() + 0.0004, 5));
        }
        MapModel model = MapModel.of(data.map(), Map.of()).withPatrols(
                PatrolLayer.of(List.of(new PatrolTrack("a", grid.code(), points)), Map.of(), "d"));
        Viewport view = Viewport.fitting(grid.shape().getEnvelopeInternal(), 400, 400, 20);

        MapRaster.Raster quick = new MapRaster("SansSerif").render(new MapRaster.Request(model, view, ColourMode.PATROLS, null,
                MapStyle.DARK, false, MapView.NO_TICKET, 0.5, false));

        for (int i = 5; i < 35; i += 10) {
            int onTrack = bluestNear(quick, WebMercator.x(points.get(i).lon()), WebMercator.y(points.get(i).lat()));
            assertThat(onTrack & 0xFF).as("blue of the track at point %d", i).isGreaterThan(110);
            assertThat((onTrack >> 16) & 0xFF).as("little red").isLessThan(60);
        }
        assertThat(bluestNear(quick, WebMercator.x(points.get(20).lon()), WebMercator.y(points.get(20).lat() + 0.0002)) & 0xFF)
                .as("20 m beside the track").isLessThan(80);
    }

    /// A slow walk from (`lon`, 38.95) east along the parallel, under a metre a step.
    private static PatrolTrack walkFrom(String account, double lon) {
        List<PatrolPoint> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            points.add(new PatrolPoint(T0.plusSeconds(5L * i), lon + i * 0.00001, 38.95 + 0.00001 * (i % 3), 5));
        }
        return new PatrolTrack(account, "G", points);
    }

    /// The bluest of the pixel at a world point and its eight neighbours (a line a pixel wide
    /// covers one of them well, whichever way it falls across the pixels).
    private static int bluestNear(MapRaster.Raster r, double worldX, double worldY) {
        int x = (int) Math.round(r.view().screenX(worldX));
        int y = (int) Math.round(r.view().screenY(worldY));
        int bluest = 0;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int p = r.pixels()[(y + dy) * r.width() + x + dx];
                bluest = (p & 0xFF) > (bluest & 0xFF) ? p : bluest;
            }
        }
        return bluest;
    }

    private static int pixel(MapRaster.Raster r, double worldX, double worldY) {
        int x = (int) Math.round(r.view().screenX(worldX));
        int y = (int) Math.round(r.view().screenY(worldY));
        return r.pixels()[y * r.width() + x];
    }
}
