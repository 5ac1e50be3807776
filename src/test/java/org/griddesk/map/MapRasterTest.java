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
        model = MapModel.of(data.map(), Map.of(grid.code(), new GridFacts("", 1, 1, 0, 1, 9, 0)), data.cameras(), markers);
    }

    private static MapRaster.Raster render(Viewport view, ColourMode mode, double resolution) {
        return new MapRaster("SansSerif").render(new MapRaster.Request(model, view, mode, MapStyle.DARK, false,
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
}
