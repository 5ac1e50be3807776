package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.geo.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/// The raster the map shows, drawn off the FX thread: what lands where.
class MapRasterTest {
    private static DemoDistrictData data;
    private static MapModel model;
    private static Region grid;

    @BeforeAll
    static void build() {
        data = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        grid = data.map().grids().get(40);
        List<TicketMarker> markers = List.of(
                new TicketMarker(1, "2611-0001", grid.code(), Channel.HOTLINE_8890, TicketMarker.Urgency.NORMAL),
                new TicketMarker(2, "2611-0002", grid.code(), Channel.VIDEO, TicketMarker.Urgency.OVERDUE),
                new TicketMarker(3, "2611-0003", grid.code(), Channel.GRID_APP, TicketMarker.Urgency.URGENT));
        model = MapModel.of(data.map(), Map.of(grid.code(), new GridFacts("", 1, 1, 0, 0, 0, 9, 0)), data.cameras(), markers);
    }

    private static MapRaster.Raster render(Viewport view, ColourMode mode, double resolution) {
        return render(view, mode, null, resolution);
    }

    private static MapRaster.Raster render(Viewport view, ColourMode mode, Choropleth figure, double resolution) {
        return new MapRaster("SansSerif").render(new MapRaster.Request(model, view, mode, figure, MapStyle.DARK, false,
                MapView.NO_TICKET, resolution, false));
    }

    private static int pixel(MapRaster.Raster r, double worldX, double worldY) {
        int x = (int) Math.round(r.view().screenX(worldX));
        int y = (int) Math.round(r.view().screenY(worldY));
        return r.pixels()[y * r.width() + x];
    }

    @Test
    void theRasterHasItsMarginAndShowsTheBackgroundOutsideTheDistrict() {
        Viewport view = Viewport.fitting(model.lonLatBox(), 800, 600, 20);
        MapRaster.Raster r = render(view, ColourMode.AREA, 1);
        assertThat(r.width()).isEqualTo((int) Math.ceil(800 * (1 + 2 * MapRaster.MARGIN)));
        assertThat(r.view().zoom()).isEqualTo(view.zoom());
        assertThat(r.pixels()[0]).as("a corner is background").isEqualTo(0xff0d1117);
    }

    @Test
    void theLoadModeFillsAGridWithOpenTicketsWithItsClassColour() {
        Viewport close = Viewport.fitting(grid.shape().getEnvelopeInternal(), 1000, 800, 300);
        MapRaster.Raster r = render(close, ColourMode.LOAD, 1);
        // 9 open tickets: the 7+ class, viridis yellow (#FDE725) over the dark background. Most
        // points of the grid show it (labels and markers cover a few).
        var box = grid.shape().getEnvelopeInternal();
        var factory = new GeometryFactory();
        int inside = 0;
        int yellow = 0;
        for (int i = 1; i < 20; i++) {
            for (int j = 1; j < 20; j++) {
                double lon = box.getMinX() + box.getWidth() * i / 20;
                double lat = box.getMinY() + box.getHeight() * j / 20;
                if (grid.shape().getInteriorPoint().distance(factory.createPoint(new Coordinate(lon, lat)))
                        < box.getWidth() / 8 || !grid.shape().buffer(-box.getWidth() / 30).contains(
                        factory.createPoint(new Coordinate(lon, lat)))) {
                    continue;
                }
                inside++;
                int argb = pixel(r, WebMercator.x(lon), WebMercator.y(lat));
                if (((argb >> 16) & 0xff) > 120 && ((argb >> 8) & 0xff) > 120 && (argb & 0xff) < 90) {
                    yellow++;
                }
            }
        }
        assertThat(inside).isGreaterThan(20);
        assertThat(yellow).isGreaterThan(inside * 8 / 10);

        MapRaster.Raster byArea = render(close, ColourMode.AREA, 1);
        var label = model.shape(grid.code());
        assertThat(pixel(byArea, label.labelX() + 30 / close.scale(), label.labelY())).isNotEqualTo(
                pixel(r, label.labelX() + 30 / close.scale(), label.labelY()));
    }

    @Test
    void ticketsAreClusteredFromAfarAndSpreadCloseUpAndTheMostPressingColoursTheCluster() {
        Viewport far = Viewport.fitting(model.lonLatBox(), 1000, 800, 20);
        MapRaster.Raster r = render(far, ColourMode.AREA, 1);
        assertThat(r.markers()).hasSize(1);
        assertThat(r.markers().getFirst().tickets()).hasSize(3);

        Viewport near = new Viewport(far.centreX(), far.centreY(), MapRaster.SPREAD_ZOOM + 1, 1000, 800);
        var label = model.shape(grid.code());
        near = new Viewport(label.labelX(), label.labelY(), near.zoom(), 1000, 800);
        MapRaster.Raster spread = render(near, ColourMode.AREA, 1);
        assertThat(spread.markers()).hasSize(3).allMatch(d -> d.tickets().size() == 1);
        assertThat(spread.markers().stream().map(d -> Math.round(d.x()) + "," + Math.round(d.y())).distinct()).hasSize(3);

        MapRaster.Raster quick = render(near, ColourMode.AREA, 0.5);
        assertThat(quick.width()).isEqualTo((int) Math.ceil(Math.ceil(1000 * (1 + 2 * MapRaster.MARGIN)) * 0.5));
        assertThat(quick.markers().getFirst().x()).isCloseTo(spread.markers().getFirst().x() * 0.5,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aChoroplethColoursTheCommunitiesItNamesByItsClassesInPlaceOfTheMode() {
        Region hot = data.map().communities().get(3);
        Region cool = data.map().communities().get(4);
        Choropleth figure = Choropleth.counts("来件量 · 2026-11", Map.of(hot.code(), 10.0, cool.code(), 0.0));
        assertThat(figure.classes()).extracting(ColourMode.LegendClass::label).containsExactly("0", "1–2", "3–4", "5–6", "7–8", "9+");
        Viewport view = Viewport.fitting(model.lonLatBox(), 1600, 1200, 20);

        MapRaster.Raster r = render(view, ColourMode.LOAD, figure, 1);

        assertThat(share(r, hot, argb -> ((argb >> 16) & 0xff) > 110 && ((argb >> 8) & 0xff) < 60 && (argb & 0xff) < 70))
                .as("the top class, dark red").isGreaterThan(0.8);
        assertThat(share(r, cool, argb -> ((argb >> 16) & 0xff) > 110 && ((argb >> 8) & 0xff) < 60))
                .as("zero is left uncoloured").isLessThan(0.05);
    }

    /// the share of points well inside a region whose pixel passes `test`
    private static double share(MapRaster.Raster r, Region region, java.util.function.IntPredicate test) {
        var box = region.shape().getEnvelopeInternal();
        var factory = new GeometryFactory();
        var inner = region.shape().buffer(-box.getWidth() / 15);
        int inside = 0;
        int passed = 0;
        for (int i = 1; i < 30; i++) {
            for (int j = 1; j < 30; j++) {
                var p = factory.createPoint(new Coordinate(box.getMinX() + box.getWidth() * i / 30, box.getMinY() + box.getHeight() * j / 30));
                if (!inner.contains(p) || region.mainPart().getInteriorPoint().distance(p) < box.getWidth() / 6) {
                    continue;
                }
                inside++;
                if (test.test(pixel(r, WebMercator.x(p.getX()), WebMercator.y(p.getY())))) {
                    passed++;
                }
            }
        }
        assertThat(inside).isGreaterThan(10);
        return (double) passed / inside;
    }
}
